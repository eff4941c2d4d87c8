package io.github.seckill.order.orders;

import java.math.BigDecimal;
import java.util.Optional;

import io.github.seckill.common.order.OrderStatus;

/**
 * An order as MySQL holds it. The lifecycle's transitions are decided here: each answers the {@link Transition}
 * to apply, none when the order already is where it was asked to go, or refuses with {@link OrderStateConflict}.
 */
public record StoredOrder(long orderId, long activityId, long userId, int quantity, BigDecimal amount,
        OrderStatus status, String reason, OrderTimeline timeline) {

    /** Why an order left unpaid past the payment timeout was cancelled. */
    public static final String PAYMENT_TIMEOUT = "payment timeout";

    /**
     * Paying a CREATED order makes it PAID; a PAID one needs nothing (an idempotent repeat: empty).
     * Any other status refuses it.
     */
    public Optional<Transition> pay() {
        return switch (status) {
            case CREATED -> Optional.of(new Transition(orderId, status, OrderStatus.PAID, null));
            case PAID -> Optional.empty();
            default -> throw new OrderStateConflict(orderId, status, "paid");
        };
    }

    /**
     * Cancelling a CREATED order makes it CANCELLED for {@code reason}; a CANCELLED one needs nothing (an
     * idempotent repeat: empty). Any other status refuses it.
     */
    public Optional<Transition> cancel(String reason) {
        return switch (status) {
            case CREATED -> Optional.of(new Transition(orderId, status, OrderStatus.CANCELLED, reason));
            case CANCELLED -> Optional.empty();
            default -> throw new OrderStateConflict(orderId, status, "cancelled");
        };
    }

    /** The payment time ran out: cancelled as by the shopper, for {@link #PAYMENT_TIMEOUT}. */
    public Optional<Transition> expire() {
        return cancel(PAYMENT_TIMEOUT);
    }

    public boolean belongsTo(long user) {
        return userId == user;
    }
}
