package io.github.seckill.common.orderservice;

/** The shopper a payment or cancellation is made for: order-service refuses another's order with 404. */
public record Caller(long userId) {

    public Caller {
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be positive: " + userId);
        }
    }
}
