package io.github.seckill.order.placement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.ReleaseOutcome;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.SaleTerms;
import io.github.seckill.order.stock.SaleStocks;

/**
 * Places one order and decides what its failure means (DESIGN.md §3 step 4): a business refusal
 * (MySQL has no stock) releases the reservation and the order ends FAILED; a transient failure
 * keeps the reservation and sends the order to the compensation ladder.
 */
@Service
public class Placement {

    private static final Logger log = LoggerFactory.getLogger(Placement.class);

    public enum Outcome {
        /** The global transaction committed: order CREATED. */
        COMMITTED,
        /** The order was already in MySQL: nothing changed. */
        DUPLICATE,
        /** Refused for good; the reservation is released (or was already settled). */
        REFUSED,
        /** Rolled back for a reason that may pass; handed to the compensation ladder. */
        RETRYING
    }

    private final OrderTransaction transaction;
    private final Reservations reservations;
    private final SaleStocks stocks;
    private final FailedOrders failed;
    private final PlacementMetrics metrics;

    Placement(OrderTransaction transaction, Reservations reservations, SaleStocks stocks, FailedOrders failed,
            PlacementMetrics metrics) {
        this.transaction = transaction;
        this.reservations = reservations;
        this.stocks = stocks;
        this.failed = failed;
        this.metrics = metrics;
    }

    public Outcome place(OrderPlaced order) {
        Outcome outcome = attempt(order);
        metrics.outcome(outcome);
        return outcome;
    }

    private Outcome attempt(OrderPlaced order) {
        long start = System.nanoTime();
        try {
            ensureStockRow(order.activityId());
            boolean created = transaction.place(order);
            metrics.committed(System.nanoTime() - start);
            return created ? Outcome.COMMITTED : Outcome.DUPLICATE;
        } catch (RuntimeException e) {
            StockDrift drift = cause(e, StockDrift.class);
            if (drift != null) {
                return refuse(order, "no stock left in MySQL", e);
            }
            ReservationUnavailable unavailable = cause(e, ReservationUnavailable.class);
            if (unavailable != null && !unavailable.retryable()) {
                log.warn("order {} not placed: {}", order.orderId(), unavailable.getMessage());
                return Outcome.REFUSED;
            }
            log.warn("order {} rolled back, to the compensation ladder: {}", order.orderId(), e.toString());
            failed.publish(order, e);
            return Outcome.RETRYING;
        }
    }

    private Outcome refuse(OrderPlaced order, String reason, RuntimeException cause) {
        ReleaseOutcome released = reservations.release(order.activityId(), order.orderId(), reason);
        if (!released.settled()) {
            log.warn("order {} refused ({}) but its reservation is {}: to the ladder", order.orderId(), reason,
                    released);
            failed.publish(order, cause);
            return Outcome.RETRYING;
        }
        log.info("order {} refused: {}", order.orderId(), reason);
        return Outcome.REFUSED;
    }

    /** MySQL's stock row is made from the terms the sale was prewarmed with, on its first order. */
    private void ensureStockRow(long activityId) {
        if (!stocks.exists(activityId)) {
            SaleTerms terms = reservations.terms(activityId)
                    .orElseThrow(() -> new IllegalStateException("sale " + activityId + " has no terms in Redis"));
            stocks.ensure(activityId, terms);
        }
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
