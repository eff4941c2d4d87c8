package io.github.seckill.common.messaging;

import java.time.Instant;
import java.util.Objects;

import io.github.seckill.common.order.OrderStatus;

/** An order's status changed (published on {@code seckill.order.events}, keyed by order id). */
public record OrderStatusChanged(long orderId, long activityId, long userId, OrderStatus status, String reason,
        Instant at) {

    public OrderStatusChanged {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
