package io.github.seckill.order.stock;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.github.seckill.common.redis.SaleTerms;

/**
 * MySQL's stock rows, a sale's stock split into slices (ADR 18). A decrement is a conditional UPDATE of
 * one slice, so MySQL never sells below zero whatever Redis says; under a global transaction it is an AT
 * branch with its undo log. Each consumer takes from the slice of its partition, so consumers, in this
 * instance or another, update different rows; only a slice that runs short makes its batch take the rest
 * from the others, under their locks.
 */
@Repository
public class SaleStocks {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int slices;

    SaleStocks(JdbcTemplate jdbc, Clock clock, StockSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.slices = settings.slices();
    }

    /** The slice a partition (or any other number spreading the work) takes from first. */
    public int slice(long partition) {
        return (int) Math.floorMod(partition, (long) slices);
    }

    /**
     * Creates the sale's slices from its prewarmed terms if it has none, the stock dealt evenly (the first
     * slices get one more unit each when it does not divide); never changes an existing row.
     */
    public boolean ensure(long activityId, SaleTerms terms) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> args = new ArrayList<>(slices * 8);
        for (int slice = 0; slice < slices; slice++) {
            long share = terms.total() / slices + (slice < terms.total() % slices ? 1 : 0);
            Collections.addAll(args, activityId, slice, share, share, terms.limitPerUser(), terms.price(), now);
        }
        return jdbc.update("INSERT IGNORE INTO activity_stock (activity_id, slice, total, remaining, sold,"
                + " limit_per_user, price, updated_at) VALUES "
                + String.join(", ", Collections.nCopies(slices, "(?, ?, ?, ?, 0, ?, ?, ?)")), args.toArray()) > 0;
    }

    /** MySQL's side of one sale's stock: the sums over its slices. */
    public record StockRow(long activityId, long total, long remaining, long sold) {
    }

    public Optional<StockRow> find(long activityId) {
        return jdbc.query("""
                SELECT activity_id, SUM(total), SUM(remaining), SUM(sold) FROM activity_stock
                WHERE activity_id = ? GROUP BY activity_id""",
                (rs, i) -> new StockRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), activityId)
                .stream().findFirst();
    }

    public boolean exists(long activityId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM activity_stock WHERE activity_id = ?", Integer.class,
                activityId) > 0;
    }

    /**
     * Gives a cancelled order's units back to {@code slice}, or to slice 0 when the sale has no such slice
     * (it was made with fewer).
     */
    public void giveBack(long activityId, int slice, int quantity) {
        if (giveBackTo(activityId, slice, quantity) == 0 && slice != 0) {
            giveBackTo(activityId, 0, quantity);
        }
    }

    private int giveBackTo(long activityId, int slice, int quantity) {
        return jdbc.update("""
                UPDATE activity_stock SET remaining = remaining + ?, sold = sold - ?, updated_at = ?
                WHERE activity_id = ? AND slice = ?""", quantity, quantity, Timestamp.from(clock.instant()),
                activityId, slice);
    }

    /**
     * Takes {@code quantity} units, from {@code slice} when it has them all; otherwise the rest of that
     * slice and then the others in slice order, all of the sale's slices locked first. False, with nothing
     * taken, when the sale has fewer left (Redis and MySQL drifted).
     * <p>
     * The slice is read before it is updated: a failed conditional UPDATE would keep its row locked, and two
     * batches each holding their own slice while locking all the others deadlock. Read without a lock, a
     * short slice goes straight to locking all of them in slice order.
     */
    public boolean take(long activityId, int slice, int quantity) {
        List<Long> left = jdbc.queryForList(
                "SELECT remaining FROM activity_stock WHERE activity_id = ? AND slice = ?", Long.class,
                activityId, slice);
        if (!left.isEmpty() && left.get(0) >= quantity && takeFrom(activityId, slice, quantity)) {
            return true;
        }
        List<long[]> rows = jdbc.query(
                "SELECT slice, remaining FROM activity_stock WHERE activity_id = ? ORDER BY slice FOR UPDATE",
                (rs, i) -> new long[] { rs.getInt(1), rs.getLong(2) }, activityId);
        if (rows.stream().mapToLong(r -> r[1]).sum() < quantity) {
            return false;
        }
        rows.sort((a, b) -> Boolean.compare(a[0] != slice, b[0] != slice)); // its own slice first, then in order
        int needed = quantity;
        for (long[] row : rows) {
            int part = (int) Math.min(needed, row[1]);
            if (part > 0 && takeFrom(activityId, (int) row[0], part)) {
                needed -= part;
            }
        }
        if (needed > 0) {
            throw new IllegalStateException("sale " + activityId + ": " + needed + " of " + quantity
                    + " units not taken from slices read under lock");
        }
        return true;
    }

    private boolean takeFrom(long activityId, int slice, int quantity) {
        return jdbc.update("""
                UPDATE activity_stock SET remaining = remaining - ?, sold = sold + ?, updated_at = ?
                WHERE activity_id = ? AND slice = ? AND remaining >= ?""", quantity, quantity,
                Timestamp.from(clock.instant()), activityId, slice, quantity) == 1;
    }
}
