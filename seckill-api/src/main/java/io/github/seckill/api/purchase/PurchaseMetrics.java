package io.github.seckill.api.purchase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.github.seckill.common.redis.ReserveOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code seckill_purchase_requests_total{outcome}} and {@code seckill_purchase_latency_seconds}. Outcomes:
 * accepted, each refusal of reserve.lua (sold_out, limit_exceeded, not_started, ended, closed, ...),
 * rate_limited, replayed (an Idempotency-Key answered from store), unavailable, overloaded (too many under way).
 */
@Component
class PurchaseMetrics {

    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Timer latency;
    private final Counter unreplicated;

    PurchaseMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ReserveOutcome outcome : ReserveOutcome.values()) {
            outcome(name(outcome));
        }
        for (String outcome : new String[] { "accepted", "rate_limited", "replayed", "unavailable" }) {
            outcome(outcome);
        }
        latency = Timer.builder("seckill.purchase.latency").description("purchase request latency")
                .publishPercentileHistogram().register(registry);
        unreplicated = Counter.builder("seckill.purchase.unreplicated")
                .description("purchases answered 202 before a replica of their Redis master acknowledged them")
                .register(registry);
    }

    private Counter outcome(String outcome) {
        return outcomes.computeIfAbsent(outcome, o -> Counter.builder("seckill.purchase.requests").tag("outcome", o)
                .description("purchase requests by outcome").register(registry));
    }

    private static String name(ReserveOutcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }

    <T> T time(Supplier<T> call) {
        return latency.record(call);
    }

    void accepted() {
        outcome("accepted").increment();
    }

    void refused(ReserveOutcome outcome) {
        outcome(name(outcome)).increment();
    }

    void count(String outcome) {
        outcome(outcome).increment();
    }

    void unreplicated() {
        unreplicated.increment();
    }

    void unavailable() {
        outcome("unavailable").increment();
    }
}
