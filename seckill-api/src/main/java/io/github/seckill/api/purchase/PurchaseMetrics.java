package io.github.seckill.api.purchase;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.github.seckill.common.redis.ReserveOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@code seckill_purchase_requests_total{outcome}} and {@code seckill_purchase_latency_seconds}. */
@Component
class PurchaseMetrics {

    private final Map<ReserveOutcome, Counter> refused = new EnumMap<>(ReserveOutcome.class);
    private final Counter accepted;
    private final Counter unavailable;
    private final Timer latency;

    PurchaseMetrics(MeterRegistry registry) {
        for (ReserveOutcome outcome : ReserveOutcome.values()) {
            refused.put(outcome, counter(registry, outcome.name().toLowerCase()));
        }
        accepted = counter(registry, "accepted");
        unavailable = counter(registry, "unavailable");
        latency = Timer.builder("seckill.purchase.latency").description("purchase request latency")
                .publishPercentileHistogram().register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("seckill.purchase.requests").tag("outcome", outcome)
                .description("purchase requests by outcome").register(registry);
    }

    <T> T time(Supplier<T> call) {
        return latency.record(call);
    }

    void accepted() {
        accepted.increment();
    }

    void refused(ReserveOutcome outcome) {
        refused.get(outcome).increment();
    }

    void unavailable() {
        unavailable.increment();
    }
}
