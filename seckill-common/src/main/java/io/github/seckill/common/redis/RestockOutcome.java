package io.github.seckill.common.redis;

/** What the try phase of <code>restock.lua</code> answered. */
public enum RestockOutcome {
    TAKEN, ALREADY_TAKEN, UNKNOWN_ORDER, NOT_CONFIRMED, FENCED;

    static RestockOutcome of(long code) {
        return switch ((int) code) {
            case 1 -> TAKEN;
            case 0 -> ALREADY_TAKEN;
            case -1 -> UNKNOWN_ORDER;
            case -2 -> NOT_CONFIRMED;
            case -4 -> FENCED;
            default -> throw new IllegalStateException("restock.lua answered " + code);
        };
    }

    /** True when the calling transaction holds the order for cancelling. */
    public boolean held() {
        return this == TAKEN || this == ALREADY_TAKEN;
    }
}
