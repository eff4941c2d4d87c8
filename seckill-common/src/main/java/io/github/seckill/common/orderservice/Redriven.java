package io.github.seckill.common.orderservice;

/** What order-service's placement did with a re-driven order. */
public record Redriven(String orderId, Outcome outcome) {

    public Redriven {
        if (outcome == null) {
            throw new IllegalArgumentException("order-service answered without an outcome for " + orderId);
        }
    }

    public enum Outcome {
        /** In MySQL as CREATED. */
        COMMITTED,
        /** Already in MySQL (a replayed message): nothing changed. */
        DUPLICATE,
        /** Refused for good; the reservation is released or was already settled. */
        REFUSED,
        /** Rolled back for a reason that may pass: try again later. */
        RETRYING;

        /** True when the order reached a terminal or payable state: the compensation is done. */
        public boolean settled() {
            return this != RETRYING;
        }
    }
}
