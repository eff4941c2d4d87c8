package io.github.seckill.testsupport;

import java.util.List;

/**
 * What {@link InvariantChecker} found for one sale (docs/design.md §6), with the numbers behind it.
 *
 * @param total            units the sale was prewarmed with
 * @param redisAvailable   Redis stock counter
 * @param liveReservations units held by ledger entries not yet settled (RESERVED, TRYING, CANCELLING)
 * @param sold             units of MySQL orders CREATED or PAID
 * @param mysqlRemaining   MySQL stock row's remaining
 * @param orders           MySQL orders of the sale, by any status
 * @param failed           ledger entries released before MySQL (orders FAILED)
 * @param maxPerUser       most units one user holds in MySQL (CREATED + PAID)
 * @param limitPerUser     the sale's per-user limit
 * @param violations       one line per broken invariant; empty when all hold
 */
public record InvariantReport(long activityId, long total, long redisAvailable, long liveReservations, long sold,
        long mysqlRemaining, long orders, long failed, long maxPerUser, long limitPerUser, List<String> violations) {

    public boolean green() {
        return violations.isEmpty();
    }

    @Override
    public String toString() {
        return "sale " + activityId + ": total " + total + ", redis available " + redisAvailable + ", live reservations "
                + liveReservations + ", sold " + sold + ", mysql remaining " + mysqlRemaining + ", orders " + orders
                + ", failed " + failed + ", max per user " + maxPerUser + "/" + limitPerUser
                + (green() ? " -- I1-I5 hold" : " -- VIOLATED: " + violations);
    }
}
