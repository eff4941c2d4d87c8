package io.github.seckill.compensation.sweeper;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.seckill.common.redis.LedgerEntry;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.redis.ReleaseOutcome;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.compensation.infra.TopicSettings;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The outbox relay of the reservation ledger: a reservation still RESERVED after
 * {@code republish-after} (the API died between Redis and Kafka, or the message was lost) is
 * published again; one still RESERVED after {@code hanging-timeout} is released. Consumers are
 * idempotent and release.lua only releases RESERVED entries, so a late consumer wins or loses cleanly.
 */
@Component
class ReservationSweeper {

    static final String REASON = "reservation timed out";
    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final Reservations reservations;
    private final StringRedisTemplate redis;
    private final KafkaTemplate<String, String> kafka;
    private final TopicSettings topics;
    private final SweeperSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;

    ReservationSweeper(Reservations reservations, StringRedisTemplate redis, KafkaTemplate<String, String> kafka,
            TopicSettings topics, SweeperSettings settings, MeterRegistry meters, Clock clock) {
        this.reservations = reservations;
        this.redis = redis;
        this.kafka = kafka;
        this.topics = topics;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
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
        // Sales that ended within the hanging timeout may still hold reservations.
        for (long sale : reservations.salesOpenAt(now.minus(settings.hangingTimeout()).minus(settings.interval()))) {
            sweep(sale, now);
        }
    }

    private void sweep(long sale, Instant now) {
        long olderThan = now.minus(settings.republishAfter()).toEpochMilli();
        Set<org.springframework.data.redis.core.ZSetOperations.TypedTuple<String>> due = redis.opsForZSet()
                .rangeByScoreWithScores(reservations.keys(sale).pending(), Double.NEGATIVE_INFINITY, olderThan);
        if (due == null) {
            return;
        }
        long hangingBefore = now.minus(settings.hangingTimeout()).toEpochMilli();
        for (var tuple : due) {
            long orderId = Long.parseLong(tuple.getValue());
            LedgerEntry entry = reservations.entry(sale, orderId).orElse(null);
            if (entry == null || entry.state() != LedgerState.RESERVED) {
                continue; // held by a transaction, confirmed or released: not the sweeper's to touch
            }
            if (tuple.getScore() < hangingBefore) {
                ReleaseOutcome outcome = reservations.release(sale, orderId, REASON);
                log.info("hanging reservation {} of sale {} released: {}", orderId, sale, outcome);
                meters.counter("seckill.sweeper.reservations", "action", "released").increment();
            } else {
                republish(sale, entry);
            }
        }
    }

    private void republish(long sale, LedgerEntry entry) {
        try {
            kafka.send(topics.orderPlaced(), Long.toString(entry.orderId()), entry.payload()).get(10,
                    TimeUnit.SECONDS);
            meters.counter("seckill.sweeper.reservations", "action", "republished").increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("republish of reservation {} of sale {} failed, next sweep tries again: {}", entry.orderId(),
                    sale, e.getMessage());
        }
    }
}
