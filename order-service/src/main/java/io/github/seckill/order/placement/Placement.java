package io.github.seckill.order.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.ReleaseOutcome;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.TryOutcome;
import io.github.seckill.order.events.OrderEvents;
import io.github.seckill.order.orders.OrderRows;

/**
 * Places orders in batches and decides what each failure means (docs/design.md §3 step 4). A batch
 * that rolls back is placed again in halves, down to single orders, so one bad order never fails the
 * good ones.
 * Alone, a business refusal (MySQL says no) releases the reservation and the order ends FAILED; a
 * transient failure keeps the reservation and sends the order to the compensation ladder. CREATED events
 * are written by the batch itself ({@link OrderBatch}); a FAILED one in a local transaction around the release.
 */
@Service
public class Placement {

    static final String ID_TAKEN = "order id taken by another order";
    private static final Logger log = LoggerFactory.getLogger(Placement.class);

    public enum Outcome {
        /** In MySQL as CREATED. */
        COMMITTED,
        /** Already in MySQL (a replayed message): nothing changed. */
        DUPLICATE,
        /** Refused for good; the reservation is released or was already settled. */
        REFUSED,
        /** Rolled back for a reason that may pass; handed to the compensation ladder. */
        RETRYING
    }

    private final OrderBatch batch;
    private final OrderRows rows;
    private final PlacementPreparation preparation;
    private final Reservations reservations;
    private final FailedOrders failed;
    private final OrderEvents events;
    private final PlacementMetrics metrics;
    private final StockLevels stockLevels;
    private final SaleTurns turns;
    private final TransactionOperations transactions;

    Placement(OrderBatch batch, OrderRows rows, PlacementPreparation preparation, Reservations reservations,
            FailedOrders failed, OrderEvents events, PlacementMetrics metrics, StockLevels stockLevels,
            SaleTurns turns, TransactionOperations transactions) {
        this.batch = batch;
        this.rows = rows;
        this.preparation = preparation;
        this.reservations = reservations;
        this.failed = failed;
        this.events = events;
        this.metrics = metrics;
        this.stockLevels = stockLevels;
        this.turns = turns;
        this.transactions = transactions;
    }

    public Outcome place(OrderPlaced order) {
        return place(List.of(order)).get(order.orderId());
    }

    /** {@link #place(List, int)} of orders from no partition: the first order's id picks the stock slice. */
    public Map<Long, Outcome> place(List<OrderPlaced> orders) {
        return place(orders, orders.isEmpty() ? 0 : Long.hashCode(orders.get(0).orderId()));
    }

    /**
     * Places the batch, taking stock from the slice of {@code partition} first (ADR 18); the outcome per order
     * id. Transient failures go to the compensation ladder.
     */
    public Map<Long, Outcome> place(List<OrderPlaced> orders, int partition) {
        return place(orders, partition, true);
    }

    /**
     * One attempt of the compensation ladder: the same placement, but a transient failure is only
     * reported (RETRYING), not handed to the ladder again; the ladder schedules its next attempt.
     */
    public Outcome redrive(OrderPlaced order) {
        return place(List.of(order), Long.hashCode(order.orderId()), false).get(order.orderId());
    }

    private Map<Long, Outcome> place(List<OrderPlaced> orders, int partition, boolean handOff) {
        Map<Long, OrderPlaced> unique = new LinkedHashMap<>();
        orders.forEach(o -> unique.putIfAbsent(o.orderId(), o));
        Map<Long, Outcome> outcomes = new LinkedHashMap<>();
        Map<Long, OrderRows.Owner> existing = rows.owners(unique.keySet());
        List<OrderPlaced> fresh = new ArrayList<>();
        unique.values().forEach(o -> {
            stockLevels.watch(o.activityId());
            OrderRows.Owner owner = existing.get(o.orderId());
            if (owner == null) {
                fresh.add(o);
            } else if (owner.placed(o)) {
                outcomes.put(o.orderId(), Outcome.DUPLICATE);
            } else {
                outcomes.put(o.orderId(), collided(o, owner));
            }
        });
        if (!fresh.isEmpty()) {
            outcomes.putAll(attempt(fresh, partition, handOff));
        }
        outcomes.values().forEach(metrics::outcome);
        return outcomes;
    }

    private Map<Long, Outcome> attempt(List<OrderPlaced> orders, int partition, boolean handOff) {
        long start = System.nanoTime();
        BatchResult result;
        try {
            preparation.prepare(orders);
            try {
                result = batch.place(orders, partition);
            } finally {
                turns.giveBack();
            }
        } catch (RuntimeException e) {
            metrics.rolledBack();
            if (orders.size() > 1) {
                // Halves, not singles: one refused order in a thousand costs some twenty transactions
                // instead of a thousand, and a batch that ran out of time is retried in two.
                int half = orders.size() / 2;
                log.info("batch of {} rolled back ({}); placing it again in halves", orders.size(), e.toString());
                Map<Long, Outcome> outcomes = new LinkedHashMap<>(attempt(orders.subList(0, half), partition,
                        handOff));
                outcomes.putAll(attempt(orders.subList(half, orders.size()), partition, handOff));
                return outcomes;
            }
            return Map.of(orders.get(0).orderId(), failedAlone(orders.get(0), e, handOff));
        }
        metrics.committed(orders.size(), System.nanoTime() - start);
        // After the commit: a hand-off that fails here is not a rollback. It goes up to the listener,
        // the poll is redelivered, and the orders just committed come back as duplicates.
        Map<Long, Outcome> outcomes = new LinkedHashMap<>();
        result.committed().forEach(o -> outcomes.put(o.orderId(), Outcome.COMMITTED));
        orders.stream().filter(o -> result.notHeld().containsKey(o.orderId()))
                .forEach(o -> outcomes.put(o.orderId(), notHeld(o, result.notHeld().get(o.orderId()), handOff)));
        return outcomes;
    }

    /**
     * Another order holds this order's id (two shopper API instances numbered under one node): never
     * taken for a duplicate, which would drop it silently. It is refused, its reservation given back,
     * and the shopper reads it FAILED with the reason.
     */
    private Outcome collided(OrderPlaced order, OrderRows.Owner owner) {
        log.error("order id {} of sale {} (user {}) is taken by sale {} (user {}): refused", order.orderId(),
                order.activityId(), order.userId(), owner.activityId(), owner.userId());
        release(order, ID_TAKEN);
        return Outcome.REFUSED;
    }

    private Outcome notHeld(OrderPlaced order, TryOutcome outcome, boolean handOff) {
        return switch (outcome) {
            case ALREADY_CONFIRMED -> Outcome.DUPLICATE;
            case UNKNOWN_ORDER, RELEASED, CANCELLED -> {
                log.warn("order {} not placed: its reservation is {}", order.orderId(), outcome);
                yield Outcome.REFUSED;
            }
            case FENCED, HELD_BY_OTHER -> retryLater(order, new IllegalStateException("reservation " + outcome),
                    handOff);
            case TAKEN, ALREADY_TAKEN -> throw new IllegalStateException("held order reported as not held");
        };
    }

    private Outcome failedAlone(OrderPlaced order, RuntimeException e, boolean handOff) {
        Refusal refusal = cause(e, Refusal.class);
        if (refusal == null) {
            return retryLater(order, e, handOff);
        }
        ReleaseOutcome released = release(order, refusal.reason());
        if (!released.settled()) {
            log.warn("order {} refused but its reservation is {}", order.orderId(), released);
            return retryLater(order, e, handOff);
        }
        log.info("order {} refused: {}", order.orderId(), refusal.getMessage());
        return Outcome.REFUSED;
    }

    /**
     * Releases the reservation of a refused order, its FAILED event written in a local transaction around
     * the release: kept when the release settled the order, rolled back when it did not.
     */
    private ReleaseOutcome release(OrderPlaced order, String reason) {
        return transactions.execute(tx -> {
            events.failed(order, reason);
            ReleaseOutcome released = reservations.release(new SaleId(order.activityId()),
                    new OrderId(order.orderId()), reason);
            if (!released.settled()) {
                tx.setRollbackOnly();
            }
            return released;
        });
    }

    private Outcome retryLater(OrderPlaced order, Throwable cause, boolean handOff) {
        if (handOff) {
            log.warn("order {} to the compensation ladder: {}", order.orderId(), cause.toString());
            failed.publish(order, cause);
        } else {
            log.info("order {} re-drive failed again: {}", order.orderId(), cause.toString());
        }
        return Outcome.RETRYING;
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
