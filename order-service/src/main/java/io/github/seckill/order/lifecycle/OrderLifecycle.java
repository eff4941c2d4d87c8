package io.github.seckill.order.lifecycle;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.order.orders.OrderNotFound;
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.orders.OrderStateConflict;
import io.github.seckill.order.orders.StoredOrder;
import io.github.seckill.order.orders.Transition;
import io.github.seckill.order.placement.SaleTurns;

/**
 * The order lifecycle after placement (docs/design.md §4): CREATED -> PAID, or CREATED -> CANCELLED by
 * the shopper or the payment timeout. The order decides each step ({@link StoredOrder}); every step is idempotent; a payment that loses the race to a
 * cancel is refunded, so an order is never both paid and restocked.
 */
@Service
class OrderLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

    private final SaleTurns turns;
    private final OrderRows rows;
    private final PaymentProvider provider;
    private final PaidMark paid;
    private final CancelTransaction cancellation;

    OrderLifecycle(OrderRows rows, PaymentProvider provider, PaidMark paid, CancelTransaction cancellation,
            SaleTurns turns) {
        this.rows = rows;
        this.provider = provider;
        this.paid = paid;
        this.cancellation = cancellation;
        this.turns = turns;
    }

    StoredOrder owned(long orderId, long userId) {
        return rows.find(orderId).filter(o -> o.belongsTo(userId)).orElseThrow(() -> new OrderNotFound(orderId));
    }

    StoredOrder pay(long orderId, long userId) {
        StoredOrder order = owned(orderId, userId);
        Optional<Transition> paying = order.pay();
        if (paying.isEmpty()) {
            return order;
        }
        provider.charge(order);
        if (paid.mark(order, paying.get())) {
            return owned(orderId, userId);
        }
        StoredOrder now = owned(orderId, userId);
        if (now.status() == OrderStatus.PAID) {
            return now; // a concurrent payment of the same order won; this charge is a duplicate
        }
        provider.refund(order);
        throw new OrderStateConflict(orderId, now.status(), "paid (the payment was refunded)");
    }

    StoredOrder cancel(long orderId, long userId) {
        StoredOrder order = owned(orderId, userId);
        Optional<Transition> cancelling = order.cancel("cancelled by the shopper");
        if (cancelling.isEmpty()) {
            return order;
        }
        cancel(order, cancelling.get());
        return owned(orderId, userId);
    }

    /** Cancels an order whose payment time ran out; false when it was paid or cancelled meanwhile. */
    boolean expire(StoredOrder order) {
        try {
            Optional<Transition> expiring = order.expire();
            if (expiring.isEmpty()) {
                return false;
            }
            cancel(order, expiring.get());
            return true;
        } catch (OrderStateConflict e) {
            log.info("order {} not expired: {}", order.orderId(), e.getMessage());
            return false;
        }
    }

    private void cancel(StoredOrder order, Transition cancelling) {
        try {
            try {
                cancellation.cancel(order, cancelling);
            } finally {
                turns.giveBack();
            }
        } catch (RuntimeException e) {
            OrderStateConflict conflict = conflict(e);
            StoredOrder now = rows.find(order.orderId()).orElseThrow();
            if (now.status() == OrderStatus.CANCELLED) {
                return; // a concurrent cancel won: the same outcome
            }
            throw conflict != null ? conflict : e;
        }
    }

    private static OrderStateConflict conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OrderStateConflict c) {
                return c;
            }
        }
        return null;
    }
}
