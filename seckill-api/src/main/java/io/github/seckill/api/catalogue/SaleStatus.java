package io.github.seckill.api.catalogue;

import java.time.Instant;

import io.github.seckill.common.redis.SaleTerms;

/** Where a sale stands for a shopper, computed at answer time from its terms and its stock. */
enum SaleStatus {
    /** Not started: purchases answer 425 until {@code startAt}. */
    UPCOMING,
    /** Open with stock left. */
    LIVE,
    /** Open, no stock left (stock may come back when reservations are released or orders cancelled). */
    SOLD_OUT,
    /** Past {@code endAt}. */
    ENDED,
    /** Closed early by an admin. */
    CLOSED;

    static SaleStatus of(SaleTerms terms, long remaining, Instant now) {
        if (terms.closed()) {
            return CLOSED;
        }
        if (!now.isBefore(terms.endAt())) {
            return ENDED;
        }
        if (now.isBefore(terms.startAt())) {
            return UPCOMING;
        }
        return remaining > 0 ? LIVE : SOLD_OUT;
    }
}
