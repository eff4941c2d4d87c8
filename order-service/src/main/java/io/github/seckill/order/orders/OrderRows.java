package io.github.seckill.order.orders;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;

/**
 * Orders written in bulk: one multi-row INSERT per batch (under a global transaction, one AT
 * branch with one undo record for the whole batch). The primary key is the order id, so a
 * replayed order can never be inserted twice.
 */
@Repository
public class OrderRows {

    private static final String COLUMNS = "(id, activity_id, user_id, quantity, unit_price, amount, status, xid,"
            + " placed_at, created_at, updated_at)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OrderRows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static final String SELECT = "SELECT id, activity_id, user_id, quantity, amount, status, reason, xid,"
            + " placed_at, created_at, paid_at, updated_at FROM orders";

    static final RowMapper<StoredOrder> ORDER = (rs, i) -> new StoredOrder(rs.getLong("id"),
            rs.getLong("activity_id"), rs.getLong("user_id"), rs.getInt("quantity"), rs.getBigDecimal("amount"),
            OrderStatus.valueOf(rs.getString("status")), rs.getString("reason"),
            new OrderTimeline(rs.getString("xid"), instant(rs.getTimestamp("placed_at")),
                    instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("paid_at")),
                    instant(rs.getTimestamp("updated_at"))));

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public Optional<StoredOrder> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", ORDER, id).stream().findFirst();
    }

    /** Created orders not paid since before {@code cutoff}, oldest first. */
    public List<StoredOrder> unpaidSince(Instant cutoff, int limit) {
        return jdbc.query(SELECT + " WHERE status = 'CREATED' AND created_at < ? ORDER BY created_at LIMIT ?", ORDER,
                Timestamp.from(cutoff), limit);
    }

    /**
     * Applies a transition the order decided, in one conditional UPDATE; false when the row was no
     * longer in the transition's {@code from} status (another transition won the race).
     */
    public boolean apply(Transition transition) {
        Timestamp now = Timestamp.from(clock.instant());
        String to = transition.to().name();
        return jdbc.update("UPDATE orders SET status = ?, reason = ?, updated_at = ?,"
                + " paid_at = CASE WHEN ? = 'PAID' THEN ? ELSE paid_at END WHERE id = ? AND status = ?",
                to, transition.reason(), now, to, now, transition.orderId(), transition.from().name()) == 1;
    }

    /** Whose order an id already in MySQL is: its sale and shopper. */
    public record Owner(long activityId, long userId) {

        /** True when {@code order} is this one again (a replay), not another order under the same id. */
        public boolean placed(OrderPlaced order) {
            return order.activityId() == activityId && order.userId() == userId;
        }
    }

    /** The owners of those of these order ids that are already in MySQL. */
    public Map<Long, Owner> owners(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<Long, Owner> owners = new HashMap<>();
        jdbc.query("SELECT id, activity_id, user_id FROM orders WHERE id IN (" + in + ")",
                rs -> {
                    owners.put(rs.getLong(1), new Owner(rs.getLong(2), rs.getLong(3)));
                }, ids.toArray());
        return owners;
    }

    /** Inserts the orders as CREATED, written by global transaction {@code xid}. */
    public void insertCreated(List<OrderPlaced> orders, String xid) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> args = new ArrayList<>(orders.size() * 11);
        for (OrderPlaced o : orders) {
            Collections.addAll(args, o.orderId(), o.activityId(), o.userId(), o.quantity(), o.unitPrice(),
                    o.amount(), OrderStatus.CREATED.name(), xid, Timestamp.from(o.placedAt()), now, now);
        }
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.update("INSERT INTO orders " + COLUMNS + " VALUES " + String.join(", ", Collections.nCopies(
                orders.size(), row)), args.toArray());
    }
}
