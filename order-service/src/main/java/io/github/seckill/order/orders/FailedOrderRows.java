package io.github.seckill.order.orders;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;

/**
 * Failed orders copied out of their sale's Redis ledger before it expires (ADR 15): the order as it was
 * placed, why it failed and when. Never an {@code orders} row, and written outside any global transaction.
 */
@Repository
public class FailedOrderRows {

    private static final int CHUNK = 500;
    private static final RowMapper<StoredOrder> FAILED = (rs, i) -> {
        Timestamp failedAt = rs.getTimestamp("failed_at");
        Timestamp placedAt = rs.getTimestamp("placed_at");
        return new StoredOrder(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("user_id"),
                rs.getInt("quantity"), rs.getBigDecimal("amount"), OrderStatus.FAILED, rs.getString("reason"),
                new OrderTimeline(null, placedAt.toInstant(), null, null,
                        (failedAt == null ? placedAt : failedAt).toInstant()));
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FailedOrderRows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A failed order, released from the ledger as it was placed, with why and when it failed. */
    public record FailedOrder(OrderPlaced order, String reason, java.time.Instant failedAt) {
    }

    /** Keeps the orders; one already kept stays as it is. */
    public void keep(List<FailedOrder> failed) {
        Timestamp now = Timestamp.from(clock.instant());
        for (int from = 0; from < failed.size(); from += CHUNK) {
            List<FailedOrder> chunk = failed.subList(from, Math.min(from + CHUNK, failed.size()));
            List<Object> args = new ArrayList<>(chunk.size() * 9);
            for (FailedOrder f : chunk) {
                OrderPlaced o = f.order();
                Collections.addAll(args, o.orderId(), o.activityId(), o.userId(), o.quantity(), o.amount(),
                        f.reason(), Timestamp.from(o.placedAt()),
                        f.failedAt() == null ? null : Timestamp.from(f.failedAt()), now);
            }
            jdbc.update("INSERT INTO failed_orders (id, activity_id, user_id, quantity, amount, reason, placed_at,"
                    + " failed_at, archived_at) VALUES " + String.join(", ", Collections.nCopies(chunk.size(),
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?)")) + " ON DUPLICATE KEY UPDATE id = id", args.toArray());
        }
    }

    /** The failed order of that id, answered as FAILED with its reason. */
    public Optional<StoredOrder> find(long id) {
        return jdbc.query("SELECT id, activity_id, user_id, quantity, amount, reason, placed_at, failed_at"
                + " FROM failed_orders WHERE id = ?", FAILED, id).stream().findFirst();
    }

    /** How many of the sale's failed orders are kept. */
    public long count(long activityId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM failed_orders WHERE activity_id = ?", Long.class, activityId);
    }
}
