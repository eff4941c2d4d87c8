package io.github.seckill.api.purchase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.seckill.api.infra.Breakers;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.ReleaseOutcome;
import io.github.seckill.common.redis.Reservations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reservations given back for purchases answered 503. A 503 promises the shopper that no order comes of
 * the click, but the reservation may stand: the reserve script ran and its answer was lost, or it ran and
 * the send to Kafka failed. Its ledger entry, never acknowledged by Kafka, is what the reservation sweeper
 * publishes after {@code republish-after}. So the entry is withdrawn at once, and when Redis cannot be
 * reached it is kept here and withdrawn again every {@link #RETRY_MILLIS} ms until Redis answers.
 * <p>
 * That holds while this instance reaches Redis again within the sweeper's {@code republish-after} of the
 * reservation (30 s by default) and lives that long: a longer cut, or this instance killed with
 * withdrawals pending, lets the sweeper place the order. The withdrawal then finds it taken,
 * {@code seckill_purchase_withdrawals_total{outcome="placed"}} counts it, and the shopper finds the
 * order in their list. {@code seckill_purchase_withdrawals_pending} shows what waits for Redis.
 */
@Component
class Withdrawals implements SmartLifecycle, DisposableBean {

    static final long RETRY_MILLIS = 250;
    private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);
    private static final long DRAIN_ON_STOP_MILLIS = 5_000;
    /** Stopped after the web server's graceful shutdown, before the Redis connection factory (phase 0). */
    private static final int PHASE = 100;

    /** A reservation to give back: its sale, and why. */
    private record Withdrawal(SaleId sale, String reason) {
    }

    private final Reservations reservations;
    private final CircuitBreaker breaker;
    private final Map<OrderId, Withdrawal> pending = new ConcurrentHashMap<>();
    private final Counter released;
    private final Counter placed;
    private volatile boolean running;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reservation-withdrawals");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    Withdrawals(Reservations reservations, Breakers breakers, MeterRegistry meters) {
        this(reservations, breakers.redis(), meters);
    }

    Withdrawals(Reservations reservations, CircuitBreaker redisBreaker, MeterRegistry meters) {
        this.reservations = reservations;
        this.breaker = redisBreaker;
        this.released = outcome(meters, "released");
        this.placed = outcome(meters, "placed");
        Gauge.builder("seckill.purchase.withdrawals.pending", pending, Map::size)
                .description("reservations of purchases answered 503, waiting for Redis to be given back")
                .register(meters);
        retries.scheduleWithFixedDelay(this::retry, RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("seckill.purchase.withdrawals").tag("outcome", outcome)
                .description("reservations of purchases answered 503: given back, or placed as orders after all")
                .register(meters);
    }

    /**
     * Gives back order {@code order}'s reservation, now or, when Redis fails, as soon as it answers.
     *
     * @return false when order-service already holds or confirmed it (its message arrived although the
     *         send reported a failure): the purchase stands and must not be answered 503
     */
    boolean withdraw(SaleId sale, OrderId order, String reason) {
        try {
            ReleaseOutcome outcome = breaker.executeSupplier(() -> reservations.withdraw(sale, order, reason));
            return settle(sale, order, reason, outcome, false);
        } catch (RuntimeException e) {
            log.warn("order {} could not be given back now ({}); retried every {} ms until Redis answers", order,
                    e.toString(), RETRY_MILLIS);
            pending.put(order, new Withdrawal(sale, reason));
            return true;
        }
    }

    int pending() {
        return pending.size();
    }

    private boolean settle(SaleId sale, OrderId order, String reason, ReleaseOutcome outcome, boolean late) {
        boolean given = outcome != ReleaseOutcome.HELD_BY_TRANSACTION && outcome != ReleaseOutcome.ALREADY_CONFIRMED;
        if (!late) {
            log.info("order {} reservation release ({}): {}", order, reason, outcome);
        } else if (given) {
            released.increment();
            log.info("order {} reservation given back after Redis answered again ({}): {}", order, reason,
                    outcome);
        } else {
            // answered 503, yet placed: the sweeper published it before this instance reached Redis again
            placed.increment();
            log.error("order {} of sale {} was answered 503 but its reservation was placed before it could be "
                    + "given back ({}): the shopper has that order", order, sale, outcome);
        }
        return given;
    }

    private void retry() {
        for (Map.Entry<OrderId, Withdrawal> each : pending.entrySet()) {
            OrderId order = each.getKey();
            Withdrawal withdrawal = each.getValue();
            ReleaseOutcome outcome;
            try {
                // not through the breaker: one call at a time cannot pile up on Redis, and an open breaker
                // would hold the withdrawals back for its whole wait after Redis is back
                outcome = reservations.withdraw(withdrawal.sale(), order, withdrawal.reason());
            } catch (RuntimeException e) {
                return; // Redis still fails: the rest waits for the next round
            }
            pending.remove(order);
            settle(withdrawal.sale(), order, withdrawal.reason(), outcome, true);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** A stopping instance gives back what it can before it goes; what is left the sweeper places. */
    @Override
    public void stop() {
        running = false;
        retries.shutdown();
        try {
            retries.awaitTermination(1, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_ON_STOP_MILLIS);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                retry();
                if (!pending.isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!pending.isEmpty()) {
            log.error("{} reservations of purchases answered 503 not given back; the sweeper places them as "
                    + "orders: {}", pending.size(), pending.keySet());
        }
    }

    @Override
    public void destroy() {
        if (!retries.isShutdown()) {
            stop();
        }
    }
}
