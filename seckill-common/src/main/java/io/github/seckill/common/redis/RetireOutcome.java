package io.github.seckill.common.redis;

/** What <code>retire.lua</code> answered for a sale. */
public enum RetireOutcome {
    /** Its keys now expire (this call gave some a time to live, or an earlier one gave them all). */
    RETIRED,
    /** Redis no longer holds the sale (never prewarmed, or its keys are gone). */
    GONE,
    /** Not ended long enough ago (or not ended at all): left alone. */
    LIVE,
    /** A reservation is still pending (RESERVED or TRYING): left alone. */
    PENDING;

    static RetireOutcome of(long code) {
        return switch ((int) code) {
            case -1 -> GONE;
            case -2 -> LIVE;
            case -3 -> PENDING;
            default -> {
                if (code < 0) {
                    throw new IllegalStateException("retire.lua answered " + code);
                }
                yield RETIRED;
            }
        };
    }
}
