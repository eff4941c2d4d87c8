package io.github.seckill.common.redis;

/** The answer of a reserve call: the outcome and, when reserved, the stock left. */
public record Reservation(ReserveOutcome outcome, long remaining) {

    public boolean reserved() {
        return outcome == ReserveOutcome.RESERVED;
    }
}
