package io.github.seckill.order.placement;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@code seckill_tx_total{mode,outcome}} and {@code seckill_tx_commit_latency_seconds}. */
@Component
class PlacementMetrics {

    private static final String MODE = "at+tcc";

    private final MeterRegistry registry;
    private final Timer commitLatency;

    PlacementMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.commitLatency = Timer.builder("seckill.tx.commit.latency").tag("mode", MODE)
                .description("global transaction time, begin to committed").publishPercentileHistogram()
                .register(registry);
    }

    void outcome(Placement.Outcome outcome) {
        Counter.builder("seckill.tx").tag("mode", MODE).tag("outcome", outcome.name().toLowerCase())
                .description("global transactions by outcome").register(registry).increment();
    }

    void committed(long nanos) {
        commitLatency.record(nanos, TimeUnit.NANOSECONDS);
    }
}
