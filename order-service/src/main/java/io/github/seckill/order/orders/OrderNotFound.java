package io.github.seckill.order.orders;

import io.github.seckill.order.infra.NotFound;

/** No such order, or not the caller's. */
public class OrderNotFound extends NotFound {

    public OrderNotFound(long orderId) {
        super("no order " + orderId);
    }
}
