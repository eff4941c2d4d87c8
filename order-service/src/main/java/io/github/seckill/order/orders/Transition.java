package io.github.seckill.order.orders;

import java.util.Objects;

import io.github.seckill.common.order.OrderStatus;

/**
 * A change of an order's status as the order decided it ({@link StoredOrder#pay()},
 * {@link StoredOrder#cancel(String)}), applied by {@link OrderRows#apply(Transition)} only if the row is
 * still in {@code from}: the conditional UPDATE decides a race between two transitions.
 */
public record Transition(long orderId, OrderStatus from, OrderStatus to, String reason) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("order " + orderId + " is " + from + " already: no transition");
        }
    }
}
