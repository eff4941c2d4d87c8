package io.github.seckill.order.placement;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@code seckill_tx_total{mode,outcome}} and {@code seckill_tx_commit_latency_seconds}. */
@Component
class PlacementMetrics {

    private static final String MODE = "at+tcc";

    private final MeterRegistry registry;
    private final Timer commitLatency;
    private final DistributionSummary batchSize;

    PlacementMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.commitLatency = Timer.builder("seckill.tx.commit.latency").tag("mode", MODE)
                .description("global transaction time, begin to committed").publishPercentileHistogram()
                .register(registry);
        this.batchSize = DistributionSummary.builder("seckill.tx.batch.size").description("orders per global transaction")
                .register(registry);
    }

    /** Per order: {@code seckill_orders_placed_total{outcome}}. */
    void outcome(Placement.Outcome outcome) {
        Counter.builder("seckill.orders.placed").tag("outcome", outcome.name().toLowerCase())
                .description("orders by placement outcome").register(registry).increment();
    }

    /** A batch's global transaction committed. */
    void committed(int orders, long nanos) {
        tx("committed").increment();
        commitLatency.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(orders);
    }

    void rolledBack() {
        tx("rolled_back").increment();
    }

    private Counter tx(String outcome) {
        return Counter.builder("seckill.tx").tag("mode", MODE).tag("outcome", outcome)
                .description("global transactions by outcome").register(registry);
    }
}
