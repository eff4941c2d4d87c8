package io.github.seckill.compensation.reconcile;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code seckill_stock_drift{activity}} and {@code seckill_tx_hanging}, read on every replica from
 * the latest checks (whichever replica ran them). A sale no longer checked drops out.
 */
@Component
class DriftGauges {

    private final StockChecks checks;
    private final ReconciliationSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<Long, AtomicLong> drifts = new ConcurrentHashMap<>();
    private final Map<Long, Gauge> gauges = new ConcurrentHashMap<>();
    private final AtomicInteger hanging = new AtomicInteger();

    DriftGauges(StockChecks checks, ReconciliationSettings settings, MeterRegistry meters, Clock clock) {
        this.checks = checks;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        Gauge.builder("seckill.tx.hanging", hanging, AtomicInteger::get)
                .description("reservations held by a global transaction for longer than hanging-after")
                .register(meters);
    }

    /** Synchronized: a refresh that read older checks must not set the gauges after one that read newer. */
    @Scheduled(fixedDelayString = "${seckill.reconciliation.interval:60s}", initialDelay = 5_000)
    synchronized void refresh() {
        var recent = checks.since(clock.instant().minus(settings.interval().multipliedBy(3)));
        Map<Long, Long> now = new ConcurrentHashMap<>();
        recent.forEach(c -> now.put(c.activityId(), c.drift()));
        hanging.set(recent.stream().mapToInt(StockCheck::hanging).sum());
        now.forEach((sale, drift) -> drifts.computeIfAbsent(sale, this::register).set(drift));
        drifts.keySet().removeIf(sale -> {
            if (now.containsKey(sale)) {
                return false;
            }
            meters.remove(gauges.remove(sale));
            return true;
        });
    }

    private AtomicLong register(long sale) {
        AtomicLong value = new AtomicLong();
        gauges.put(sale, Gauge.builder("seckill.stock.drift", value, AtomicLong::get).tag("activity",
                Long.toString(sale)).description("Redis available + unsettled - MySQL not sold, per live sale")
                .register(meters));
        return value;
    }
}
