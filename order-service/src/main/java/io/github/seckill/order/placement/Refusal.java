package io.github.seckill.order.placement;

import java.util.List;

/**
 * MySQL says no to an order that Redis accepted (stock or per-user limit drifted): a business
 * failure, the order is refused for good.
 */
class Refusal extends RuntimeException {

    private final String reason;

    Refusal(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    static Refusal noStock(long activityId, int quantity) {
        return new Refusal("no stock left in MySQL", "sale " + activityId + " has fewer than " + quantity
                + " units in MySQL");
    }

    static Refusal overLimit(long activityId, List<Long> users) {
        return new Refusal("over the per-user limit in MySQL", "sale " + activityId + ": users " + users
                + " would exceed the limit");
    }

    /** The reason the shopper sees on the FAILED order. */
    String reason() {
        return reason;
    }
}
