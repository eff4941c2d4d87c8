package io.github.seckill.api.orders;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.orderservice.Order;

/** An order as its shopper sees it; ids of orders and money travel as strings. */
record OrderView(String orderId, long activityId, int quantity,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, OrderStatus status, String reason) {

    static OrderView of(OrderPlaced placed, OrderStatus status, String reason) {
        return new OrderView(Long.toString(placed.orderId()), placed.activityId(), placed.quantity(),
                placed.amount(), status, reason);
    }

    static OrderView of(Order stored) {
        return new OrderView(stored.orderId(), stored.activityId(), stored.quantity(), stored.amount(),
                stored.status(), stored.reason());
    }

    @JsonIgnore
    long id() {
        return Long.parseLong(orderId);
    }
}
