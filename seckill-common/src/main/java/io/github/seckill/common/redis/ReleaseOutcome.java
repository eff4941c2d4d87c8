package io.github.seckill.common.redis;

/** What <code>release.lua</code> answered. */
public enum ReleaseOutcome {
    RELEASED, ALREADY_RELEASED, UNKNOWN_ORDER, HELD_BY_TRANSACTION, ALREADY_CONFIRMED;

    static ReleaseOutcome of(long code) {
        return switch ((int) code) {
            case 1 -> RELEASED;
            case 0 -> ALREADY_RELEASED;
            case -1 -> UNKNOWN_ORDER;
            case -2 -> HELD_BY_TRANSACTION;
            case -3 -> ALREADY_CONFIRMED;
            default -> throw new IllegalStateException("release.lua answered " + code);
        };
    }

    /** True when the reservation is no longer held, whether this call or an earlier one released it. */
    public boolean settled() {
        return this == RELEASED || this == ALREADY_RELEASED;
    }
}
