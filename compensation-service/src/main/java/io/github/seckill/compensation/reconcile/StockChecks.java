package io.github.seckill.compensation.reconcile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The latest check of each sale, in MySQL so every replica and the ops API see the same figures. */
@Repository
public class StockChecks {

    private static final RowMapper<StockCheck> CHECK = (rs, i) -> new StockCheck(rs.getLong("activity_id"),
            rs.getLong("total"), rs.getLong("redis_available"), rs.getLong("live"), rs.getLong("mysql_remaining"),
            rs.getLong("mysql_sold"), rs.getLong("drift"), rs.getInt("hanging"), rs.getString("repair"),
            rs.getTimestamp("checked_at").toInstant());

    private final JdbcTemplate jdbc;

    StockChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(StockCheck c) {
        jdbc.update("""
                INSERT INTO stock_checks (activity_id, total, redis_available, live, mysql_remaining, mysql_sold,
                    drift, hanging, repair, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE total = VALUES(total), redis_available = VALUES(redis_available),
                    live = VALUES(live), mysql_remaining = VALUES(mysql_remaining), mysql_sold = VALUES(mysql_sold),
                    drift = VALUES(drift), hanging = VALUES(hanging), repair = VALUES(repair),
                    checked_at = VALUES(checked_at)""", c.activityId(), c.total(), c.redisAvailable(), c.live(),
                c.mysqlRemaining(), c.mysqlSold(), c.drift(), c.hanging(), c.repair(), Timestamp.from(c.checkedAt()));
    }

    Optional<StockCheck> find(long activityId) {
        return jdbc.query("SELECT * FROM stock_checks WHERE activity_id = ?", CHECK, activityId).stream().findFirst();
    }

    /** Checks made since {@code since}, by sale. */
    public List<StockCheck> since(Instant since) {
        return jdbc.query("SELECT * FROM stock_checks WHERE checked_at >= ? ORDER BY activity_id", CHECK,
                Timestamp.from(since));
    }
}
