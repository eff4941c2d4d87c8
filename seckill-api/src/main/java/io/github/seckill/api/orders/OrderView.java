package io.github.seckill.api.orders;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.github.seckill.common.order.OrderStatus;

/** An order as its shopper sees it; ids of orders and money travel as strings. */
record OrderView(String orderId, long activityId, int quantity,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, OrderStatus status, String reason) {
}
