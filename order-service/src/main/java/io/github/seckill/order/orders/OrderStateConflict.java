package io.github.seckill.order.orders;

import io.github.seckill.common.order.OrderStatus;

/** The order's status forbids what was asked (409). */
public class OrderStateConflict extends RuntimeException {

    public OrderStateConflict(long orderId, OrderStatus status, String action) {
        super("order " + orderId + " is " + status + " and cannot be " + action);
    }
}
