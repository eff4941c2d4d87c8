package io.github.seckill.compensation.reconcile;

import java.time.Instant;

/**
 * One sale's stock as last measured on both sides. {@code drift} is what Redis accounts for
 * (available plus unsettled reservations) beyond what MySQL has not sold: positive, Redis would
 * offer units MySQL cannot back; negative, units are stranded and would go unsold.
 *
 * @param repair what the check did: NONE, WATCH (drift seen once, or the sale is busy), LOWERED or
 *               RAISED (Redis set to MySQL's figure), MOVED (stock changed under the repair), OFF
 */
public record StockCheck(long activityId, long total, long redisAvailable, long live, long mysqlRemaining,
        long mysqlSold, long drift, int hanging, String repair, Instant checkedAt) {

    static long drift(long total, long available, long live, long mysqlSold) {
        return available + live + mysqlSold - total;
    }

    /** The same drift on the same untouched stock, with nothing in flight either time: safe to repair. */
    boolean confirms(StockCheck earlier) {
        return earlier != null && drift != 0 && live == 0 && earlier.live == 0 && earlier.drift == drift
                && earlier.redisAvailable == redisAvailable && earlier.mysqlSold == mysqlSold;
    }
}
