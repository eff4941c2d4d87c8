package io.github.seckill.common.redis;

/** What <code>tcc-try.lua</code> answered. */
public enum TryOutcome {
    TAKEN, ALREADY_TAKEN, UNKNOWN_ORDER, HELD_BY_OTHER, ALREADY_CONFIRMED, FENCED, RELEASED, CANCELLED;

    static TryOutcome of(long code) {
        return switch ((int) code) {
            case 1 -> TAKEN;
            case 0 -> ALREADY_TAKEN;
            case -1 -> UNKNOWN_ORDER;
            case -2 -> HELD_BY_OTHER;
            case -3 -> ALREADY_CONFIRMED;
            case -4 -> FENCED;
            case -5 -> RELEASED;
            case -6 -> CANCELLED;
            default -> throw new IllegalStateException("tcc-try.lua answered " + code);
        };
    }

    /** True when the calling transaction holds the reservation. */
    public boolean held() {
        return this == TAKEN || this == ALREADY_TAKEN;
    }
}
