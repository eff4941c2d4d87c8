package io.github.seckill.compensation.sweeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.KafkaPosition;
import io.github.seckill.common.redis.LedgerEntry;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.redis.ReleaseOutcome;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.compensation.infra.TopicSettings;
import io.github.seckill.compensation.ladder.PendingCompensations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The outbox relay of the reservation ledger, for reservations still RESERVED after
 * {@code republish-after}. Who holds such a reservation decides what happens to it:
 * <ul>
 * <li>no send was ever acknowledged (the API died between Redis and Kafka): the sweeper publishes it
 * again and marks where Kafka took it; released only when Kafka refused it for the whole {@code hanging-timeout};</li>
 * <li>acknowledged, but order-service's consumer group has not reached it: Kafka holds it, however
 * old; it is never published again nor released (a backlog is not a loss);</li>
 * <li>taken by order-service and still RESERVED: its placement failed and the compensation ladder
 * holds it; released only {@code hanging-timeout} after the sweeper first found it so, and never while
 * the ladder or the DLQ still has an attempt of it on record ({@code pending_compensations}).</li>
 * </ul>
 * Consumers are idempotent and release.lua only releases RESERVED entries, so a late consumer wins
 * or loses cleanly.
 */
@Component
class ReservationSweeper {

    static final String REASON = "reservation timed out";
    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);
    private static final Duration SEND_WAIT = Duration.ofSeconds(10);

    private final Reservations reservations;
    private final StringRedisTemplate redis;
    private final KafkaTemplate<String, String> kafka;
    private final ConsumerProgress progress;
    private final TopicSettings topics;
    private final SweeperSettings settings;
    private final MeterRegistry meters;
    private final PendingCompensations ladder;
    private final Clock clock;
    private final AtomicInteger inBacklog = new AtomicInteger();

    ReservationSweeper(Reservations reservations, StringRedisTemplate redis, KafkaTemplate<String, String> kafka,
            ConsumerProgress progress, TopicSettings topics, SweeperSettings settings, MeterRegistry meters,
            PendingCompensations ladder, Clock clock) {
        this.reservations = reservations;
        this.redis = redis;
        this.kafka = kafka;
        this.progress = progress;
        this.topics = topics;
        this.settings = settings;
        this.meters = meters;
        this.ladder = ladder;
        this.clock = clock;
        Gauge.builder("seckill.sweeper.in.backlog", inBacklog, AtomicInteger::get)
                .description("reservations past republish-after whose order waits in Kafka for order-service")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${seckill.sweeper.interval:30s}", initialDelayString = "${seckill.sweeper.interval:30s}")
    @SchedulerLock(name = "reservation-sweeper", lockAtMostFor = "PT5M",
            lockAtLeastFor = "${seckill.sweeper.lock-at-least-for:PT25S}")
    void sweep() {
        if (!settings.enabled()) {
            return;
        }
        meters.counter("seckill.sweeper.runs").increment();
        Instant now = clock.instant();
        Placements placements = placements();
        int waiting = 0;
        // Sales that ended within the hanging timeout may still hold reservations.
        for (long sale : reservations.salesOpenAt(now.minus(settings.hangingTimeout()).minus(settings.interval()))) {
            waiting += sweep(new SaleId(sale), now, placements);
        }
        inBacklog.set(waiting);
    }

    /** Sweeps one sale; answers how many of its reservations wait in Kafka. */
    private int sweep(SaleId sale, Instant now, Placements placements) {
        long olderThan = now.minus(settings.republishAfter()).toEpochMilli();
        Set<TypedTuple<String>> due = redis.opsForZSet().rangeByScoreWithScores(reservations.keys(sale).pending(),
                Double.NEGATIVE_INFINITY, olderThan);
        if (due == null) {
            return 0;
        }
        Instant hangingBefore = now.minus(settings.hangingTimeout());
        List<LedgerEntry> unsent = new ArrayList<>();
        int waiting = 0;
        for (TypedTuple<String> tuple : due) {
            OrderId order = new OrderId(Long.parseLong(tuple.getValue()));
            LedgerEntry entry = reservations.entry(sale, order).orElse(null);
            if (entry == null || entry.state() != LedgerState.RESERVED) {
                continue; // held by a transaction, confirmed or released: not the sweeper's to touch
            }
            if (entry.sent() == null) {
                if (tuple.getScore() < hangingBefore.toEpochMilli()) {
                    release(sale, order, "never acknowledged by Kafka");
                } else {
                    unsent.add(entry);
                }
            } else if (placements.took(entry.sent())) {
                Instant found = reservations.consumedWhileReserved(sale, order, now).orElse(now);
                if (found.isBefore(hangingBefore) && !onTheLadder(order.value())) {
                    release(sale, order, "taken by order-service at " + found + ", never settled");
                }
            } else {
                waiting++;
            }
        }
        republish(sale, unsent);
        return waiting;
    }

    /**
     * True while the compensation ladder or the DLQ still works on the order (it failed an attempt and
     * none settled it yet), or when that cannot be read now: the sweeper is their backstop, never ahead
     * of them, whatever the timeouts say.
     */
    private boolean onTheLadder(long orderId) {
        try {
            return ladder.find(orderId).isPresent();
        } catch (RuntimeException e) {
            log.warn("whether the ladder holds order {} is unknown ({}); not released this sweep", orderId,
                    e.toString());
            return true;
        }
    }

    private void release(SaleId sale, OrderId order, String why) {
        ReleaseOutcome outcome = reservations.release(sale, order, REASON);
        log.info("hanging reservation {} of sale {} ({}) released: {}", order, sale, why, outcome);
        meters.counter("seckill.sweeper.reservations", "action", "released").increment();
    }

    /** Sends them all, then waits for each acknowledgement and marks where Kafka took it. */
    private void republish(SaleId sale, List<LedgerEntry> entries) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(entries.size());
        for (LedgerEntry entry : entries) {
            try {
                sends.add(kafka.send(topics.orderPlaced(), Long.toString(entry.orderId()), entry.payload()));
            } catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e)); // e.g. no metadata within max.block.ms
            }
        }
        long deadline = System.nanoTime() + SEND_WAIT.toNanos();
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry entry = entries.get(i);
            try {
                RecordMetadata at = sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                        .getRecordMetadata();
                reservations.markSent(sale, new OrderId(entry.orderId()),
                        new KafkaPosition(at.partition(), at.offset()));
                meters.counter("seckill.sweeper.reservations", "action", "republished").increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("republish of reservation {} of sale {} failed, next sweep tries again: {}",
                        entry.orderId(), sale, e.toString());
            }
        }
    }

    /** order-service's consumer group on the placed topic, read once per sweep. */
    private Placements placements() {
        try {
            return new Placements(Optional.of(progress.committed(settings.placementGroup(), topics.orderPlaced())));
        } catch (ConsumerProgress.ProgressUnknown e) {
            log.warn("order-service's progress on {} unknown ({}): no acknowledged reservation is released this sweep",
                    topics.orderPlaced(), e.getMessage());
            return new Placements(Optional.empty());
        }
    }

    /** What order-service has taken; when Kafka did not tell, nothing counts as taken. */
    private record Placements(Optional<Map<Integer, Long>> committed) {

        boolean took(KafkaPosition at) {
            return committed.map(c -> c.get(at.partition())).map(at::consumedBy).orElse(false);
        }
    }
}
