package io.github.seckill.common.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * Placing an order failed for a reason that may pass (database, coordinator, timeout); the
 * reservation is kept and the order goes to the compensation ladder.
 *
 * @param errorClass the exception's class name, for the compensation log
 */
public record OrderFailed(OrderPlaced order, String reason, String errorClass, Instant failedAt) {

    public OrderFailed {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(failedAt, "failedAt");
    }
}
