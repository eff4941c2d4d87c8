package io.github.seckill.order.stock;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.github.seckill.common.redis.SaleTerms;

/**
 * MySQL's stock rows. The decrement is one conditional UPDATE, so MySQL never sells below zero
 * whatever Redis says; under a global transaction it is an AT branch with its undo log.
 */
@Repository
public class SaleStocks {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SaleStocks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the sale's row from its prewarmed terms if it has none; never changes an existing row. */
    public boolean ensure(long activityId, SaleTerms terms) {
        return jdbc.update("""
                INSERT IGNORE INTO activity_stock (activity_id, total, remaining, sold, limit_per_user, price, updated_at)
                VALUES (?, ?, ?, 0, ?, ?, ?)""", activityId, terms.total(), terms.total(), terms.limitPerUser(),
                terms.price(), Timestamp.from(clock.instant())) == 1;
    }

    /** MySQL's side of one sale's stock. */
    public record StockRow(long activityId, long total, long remaining, long sold) {
    }

    public Optional<StockRow> find(long activityId) {
        return jdbc.query("SELECT activity_id, total, remaining, sold FROM activity_stock WHERE activity_id = ?",
                (rs, i) -> new StockRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), activityId)
                .stream().findFirst();
    }

    public boolean exists(long activityId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM activity_stock WHERE activity_id = ?", Integer.class,
                activityId) > 0;
    }

    /** Gives a cancelled order's units back. */
    public void giveBack(long activityId, int quantity) {
        jdbc.update("""
                UPDATE activity_stock SET remaining = remaining + ?, sold = sold - ?, updated_at = ?
                WHERE activity_id = ?""", quantity, quantity, Timestamp.from(clock.instant()), activityId);
    }

    /** Takes {@code quantity} units; false when MySQL has fewer left (Redis and MySQL drifted). */
    public boolean take(long activityId, int quantity) {
        return jdbc.update("""
                UPDATE activity_stock SET remaining = remaining - ?, sold = sold + ?, updated_at = ?
                WHERE activity_id = ? AND remaining >= ?""", quantity, quantity, Timestamp.from(clock.instant()),
                activityId, quantity) == 1;
    }
}
