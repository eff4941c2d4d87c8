package io.github.seckill.order.placement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.GlobalStatus;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.LedgerEntry;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.orders.StoredOrder;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Reservations a global transaction took (TRYING) and never settled: the TC lost the transaction, or
 * gave up on its phase two. Each is settled by the transaction's real outcome. While the TC still
 * drives the xid, it is left alone (the TC retries phase two by itself). Once the TC no longer knows
 * it, MySQL tells what happened: the order's row written by that xid is there, so the transaction
 * committed and the reservation is confirmed; it is not, so it rolled back and the reservation goes
 * back to RESERVED, for the compensation ladder and, behind it, the sweeper.
 */
@Component
class HangingTries {

    private static final Logger log = LoggerFactory.getLogger(HangingTries.class);
    /** The TC still drives these: their phase two will come. */
    private static final Set<GlobalStatus> UNDER_WAY = Set.of(GlobalStatus.UnKnown, GlobalStatus.Begin,
            GlobalStatus.Committing, GlobalStatus.CommitRetrying, GlobalStatus.AsyncCommitting, GlobalStatus.Rollbacking,
            GlobalStatus.RollbackRetrying, GlobalStatus.TimeoutRollbacking, GlobalStatus.TimeoutRollbackRetrying,
            GlobalStatus.Deleting);

    enum Settled { CONFIRMED, RESTORED, UNDER_WAY, UNKNOWN }

    private final Reservations reservations;
    private final StringRedisTemplate redis;
    private final OrderRows rows;
    private final HangingTrySettings settings;
    private final MeterRegistry meters;
    private final Clock clock;

    HangingTries(Reservations reservations, StringRedisTemplate redis, OrderRows rows, HangingTrySettings settings,
            MeterRegistry meters, Clock clock) {
        this.reservations = reservations;
        this.redis = redis;
        this.rows = rows;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${seckill.hanging-tries.interval:60s}",
            initialDelayString = "${seckill.hanging-tries.interval:60s}")
    @SchedulerLock(name = "hanging-tries", lockAtMostFor = "PT5M")
    void settleAll() {
        Instant now = clock.instant();
        long reservedBefore = now.minus(settings.after()).toEpochMilli();
        for (long sale : reservations.salesOpenAt(now.minus(settings.window()))) {
            Set<String> due = redis.opsForZSet().rangeByScore(reservations.keys(new SaleId(sale)).pending(),
                    Double.NEGATIVE_INFINITY, reservedBefore);
            for (String orderId : due == null ? Set.<String>of() : due) {
                reservations.entry(new SaleId(sale), new OrderId(Long.parseLong(orderId)))
                        .filter(e -> e.state() == LedgerState.TRYING && e.xid() != null)
                        .ifPresent(e -> settle(sale, e));
            }
        }
    }

    /** Settles one TRYING reservation by its transaction's outcome; what was done. */
    Settled settle(long sale, LedgerEntry entry) {
        GlobalStatus status;
        try {
            status = GlobalTransactionContext.reload(entry.xid()).getStatus();
        } catch (TransactionException | RuntimeException e) {
            log.warn("TC did not tell the fate of {} (order {}): next look tries again: {}", entry.xid(),
                    entry.orderId(), e.toString());
            return count(Settled.UNKNOWN);
        }
        if (UNDER_WAY.contains(status)) {
            return count(Settled.UNDER_WAY);
        }
        Optional<StoredOrder> row = rows.find(entry.orderId());
        boolean committed = row.map(o -> entry.xid().equals(o.timeline().xid())).orElse(false);
        List<Long> order = List.of(entry.orderId());
        if (committed) {
            reservations.confirm(new SaleId(sale), order, entry.xid());
        } else if (row.isEmpty()) {
            reservations.cancel(new SaleId(sale), order, entry.xid());
        } else {
            log.warn("order {} is in MySQL under {}, its reservation held by {}: left for ops", entry.orderId(),
                    row.get().timeline().xid(), entry.xid());
            return count(Settled.UNKNOWN);
        }
        Settled done = committed ? Settled.CONFIRMED : Settled.RESTORED;
        log.info("reservation {} of sale {} held by {} (TC: {}) settled by MySQL: {}", entry.orderId(), sale,
                entry.xid(), status, done);
        return count(done);
    }

    private Settled count(Settled outcome) {
        meters.counter("seckill.tx.hanging.settled", "outcome", outcome.name().toLowerCase()).increment();
        return outcome;
    }
}
