package io.github.seckill.order.lifecycle;

/** No such order, or not the caller's (404 either way). */
class OrderNotFound extends RuntimeException {

    OrderNotFound(long orderId) {
        super("no order " + orderId);
    }
}
