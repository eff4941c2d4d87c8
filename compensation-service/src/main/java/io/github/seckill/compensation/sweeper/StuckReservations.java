package io.github.seckill.compensation.sweeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.stereotype.Component;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.redis.Reservations;

/**
 * Reservations that have not reached a settled state, oldest first, with what the sweeper will do
 * with each (ADR 11): publish it again (Kafka never acknowledged it), release it, leave it to
 * order-service (its message waits in Kafka) or to the coordinator (a global transaction holds it:
 * its commit or rollback settles it).
 */
@Component
public class StuckReservations {

    private final Reservations reservations;
    private final StringRedisTemplate redis;
    private final SweeperSettings settings;
    private final Clock clock;

    StuckReservations(Reservations reservations, StringRedisTemplate redis, SweeperSettings settings, Clock clock) {
        this.reservations = reservations;
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    public record Stuck(long activityId, String orderId, long userId, int quantity, String state, String xid,
            Instant reservedAt, long ageSeconds, String nextAction, Instant nextActionAt) {
    }

    public long pending() {
        Instant now = clock.instant();
        return reservations.salesOpenAt(now.minus(settings.hangingTimeout())).stream()
                .mapToLong(sale -> redis.opsForZSet().zCard(reservations.keys(new SaleId(sale)).pending())).sum();
    }

    public List<Stuck> olderThan(Duration age, int limit) {
        Instant now = clock.instant();
        List<Stuck> stuck = new ArrayList<>();
        for (long sale : reservations.salesOpenAt(now.minus(settings.hangingTimeout()))) {
            var due = redis.opsForZSet().rangeByScoreWithScores(reservations.keys(new SaleId(sale)).pending(),
                    Double.NEGATIVE_INFINITY, now.minus(age).toEpochMilli(), 0, limit);
            for (TypedTuple<String> t : due == null ? List.<TypedTuple<String>>of() : due) {
                describe(sale, Long.parseLong(t.getValue()), Instant.ofEpochMilli(t.getScore().longValue()), now)
                        .ifPresent(stuck::add);
            }
        }
        stuck.sort(Comparator.comparing(Stuck::reservedAt));
        return stuck.size() > limit ? stuck.subList(0, limit) : stuck;
    }

    private java.util.Optional<Stuck> describe(long sale, long orderId, Instant reservedAt, Instant now) {
        return reservations.entry(new SaleId(sale), new OrderId(orderId)).map(e -> {
            String action;
            Instant at;
            Object found = redis.opsForHash().get(reservations.keys(new SaleId(sale)).ledger(), orderId + ":c");
            if (e.state() != LedgerState.RESERVED) {
                action = "AWAIT_COORDINATOR";
                at = null;
            } else if (e.sent() == null) {
                // Kafka never acknowledged it: published again until it does, released if it never does
                Instant release = reservedAt.plus(settings.hangingTimeout());
                Instant republish = reservedAt.plus(settings.republishAfter());
                boolean releasing = !now.isBefore(release);
                action = releasing ? "RELEASE" : "REPUBLISH";
                at = releasing ? now.plus(settings.interval())
                        : republish.isAfter(now) ? republish : now.plus(settings.interval());
            } else if (found == null) {
                action = "AWAIT_ORDER_SERVICE"; // its message waits in Kafka: nothing is done to it
                at = null;
            } else {
                // taken by order-service and left RESERVED: the ladder has it, the sweeper backs it up
                Instant release = Instant.ofEpochMilli(Long.parseLong(found.toString())).plus(settings.hangingTimeout());
                action = "RELEASE";
                at = release.isAfter(now) ? release : now.plus(settings.interval());
            }
            return new Stuck(sale, Long.toString(orderId), e.userId(), e.quantity(), e.state().name(), e.xid(),
                    reservedAt, Duration.between(reservedAt, now).toSeconds(), action, at);
        });
    }
}
