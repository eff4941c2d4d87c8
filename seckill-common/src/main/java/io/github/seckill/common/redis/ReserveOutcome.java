package io.github.seckill.common.redis;

/** What <code>reserve.lua</code> answered; {@link #RESERVED} carries the remaining stock. */
public enum ReserveOutcome {
    RESERVED, NOT_PREWARMED, NOT_STARTED, ENDED, SOLD_OUT, LIMIT_EXCEEDED, DUPLICATE_ORDER, CLOSED,
    INSUFFICIENT_STOCK;

    static ReserveOutcome of(long code) {
        if (code >= 0) {
            return RESERVED;
        }
        return switch ((int) code) {
            case -1 -> NOT_PREWARMED;
            case -2 -> NOT_STARTED;
            case -3 -> ENDED;
            case -4 -> SOLD_OUT;
            case -5 -> LIMIT_EXCEEDED;
            case -6 -> DUPLICATE_ORDER;
            case -7 -> CLOSED;
            case -8 -> INSUFFICIENT_STOCK;
            default -> throw new IllegalStateException("reserve.lua answered " + code);
        };
    }
}
