package io.github.seckill.common.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A shopper's reservation succeeded in Redis; the order is to be written to MySQL. The same JSON is
 * kept in the reservation ledger, so the message can be published again from there.
 */
public record OrderPlaced(long orderId, long activityId, long userId, int quantity, BigDecimal unitPrice,
        BigDecimal amount, Instant placedAt) {

    public OrderPlaced {
        if (orderId <= 0 || activityId <= 0 || userId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(placedAt, "placedAt");
    }

    public static OrderPlaced of(long orderId, long activityId, long userId, int quantity, BigDecimal unitPrice,
            Instant placedAt) {
        return new OrderPlaced(orderId, activityId, userId, quantity, unitPrice,
                unitPrice.multiply(BigDecimal.valueOf(quantity)), placedAt);
    }
}
