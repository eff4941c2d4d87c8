package io.github.seckill.order.placement;

import io.github.seckill.common.redis.TryOutcome;

/** The TCC try could not take the reservation; the outcome tells whether a retry can help. */
class ReservationUnavailable extends RuntimeException {

    private final TryOutcome outcome;

    ReservationUnavailable(long orderId, TryOutcome outcome) {
        super("reservation of order " + orderId + " not taken: " + outcome);
        this.outcome = outcome;
    }

    TryOutcome outcome() {
        return outcome;
    }

    /** A later attempt (new xid, or after the other transaction ends) may succeed. */
    boolean retryable() {
        return outcome == TryOutcome.FENCED || outcome == TryOutcome.HELD_BY_OTHER;
    }
}
