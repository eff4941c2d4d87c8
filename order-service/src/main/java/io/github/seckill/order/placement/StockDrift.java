package io.github.seckill.order.placement;

/** MySQL has less stock than Redis reserved: a business failure, the order is refused. */
class StockDrift extends RuntimeException {

    StockDrift(long activityId, long orderId, int quantity) {
        super("sale " + activityId + " has fewer than " + quantity + " units in MySQL for order " + orderId);
    }
}
