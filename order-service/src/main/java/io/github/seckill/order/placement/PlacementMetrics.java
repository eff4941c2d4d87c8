package io.github.seckill.order.placement;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.github.seckill.common.redis.TryOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code seckill_tx_total{mode,outcome}}, {@code seckill_tx_commit_latency_seconds} and the TCC fence:
 * {@code seckill_tcc_try_total{outcome}} (per order, what tcc-try.lua answered) and
 * {@code seckill_tcc_phase_orders_total{phase,result}}: confirm's orders {@code confirmed} (now or by an
 * earlier call) or {@code refused}; cancel's orders {@code restored} to RESERVED or {@code empty} (an
 * empty rollback or a repeated cancel).
 */
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
        // every series from the start: "no rollback yet" reads as 0 on the dashboards, not as no data
        tx("committed");
        tx("rolled_back");
        for (String result : new String[] { "confirmed", "refused" }) {
            phase("confirm", result);
        }
        for (String result : new String[] { "restored", "empty" }) {
            phase("cancel", result);
        }
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

    void tried(Map<Long, TryOutcome> outcomes) {
        outcomes.values().forEach(o -> Counter.builder("seckill.tcc.try").tag("outcome", o.name().toLowerCase())
                .description("TCC try outcomes per order").register(registry).increment());
    }

    void confirmed(int orders, int confirmed) {
        phase("confirm", "confirmed").increment(confirmed);
        phase("confirm", "refused").increment(Math.max(0, orders - confirmed));
    }

    void cancelled(int orders, int restored) {
        phase("cancel", "restored").increment(restored);
        phase("cancel", "empty").increment(Math.max(0, orders - restored));
    }

    private Counter phase(String phase, String result) {
        return Counter.builder("seckill.tcc.phase.orders").tag("phase", phase).tag("result", result)
                .description("orders seen by TCC confirm and cancel").register(registry);
    }

    private Counter tx(String outcome) {
        return Counter.builder("seckill.tx").tag("mode", MODE).tag("outcome", outcome)
                .description("global transactions by outcome").register(registry);
    }
}
