package io.github.seckill.common.orderservice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.github.seckill.common.order.OrderStatus;

/**
 * An order as order-service's internal API answers it. The id and money travel as strings (64-bit ids
 * lose digits in JavaScript); the times and {@code history} (single-order read only) may be absent.
 */
public record Order(String orderId, long activityId, long userId, int quantity,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, OrderStatus status, String reason,
        String xid, Instant placedAt, Instant createdAt, Instant paidAt, Instant updatedAt,
        List<StatusChange> history) {

    public Order {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("an order needs its id");
        }
    }

    /** One step of an order's history. */
    public record StatusChange(OrderStatus status, Instant at) {
    }
}
