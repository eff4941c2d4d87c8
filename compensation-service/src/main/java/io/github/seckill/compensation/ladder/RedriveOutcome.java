package io.github.seckill.compensation.ladder;

/** What order-service's internal placement answered for a re-driven order. */
public enum RedriveOutcome {
    COMMITTED, DUPLICATE, REFUSED, RETRYING;

    /** True when the order reached a terminal or payable state: the compensation is done. */
    public boolean settled() {
        return this != RETRYING;
    }
}
