package io.github.seckill.order.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.github.seckill.common.order.OrderStatus;

/**
 * The outbox table {@code order_events}, written in the caller's transaction. A row carries its events
 * one per line, each line the order id, a tab and the message: a placement batch writes one row for all
 * its orders, so its AT branch gets one more insert, one more after-image row and one more global lock.
 */
@Repository
class PendingEvents {

    private static final String INSERT = " INTO order_events (order_id, status, last_order_id, events, payload, xid)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    PendingEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PendingEvent event) {
        jdbc.update("INSERT" + INSERT, args(event));
    }

    /**
     * The same, where a row already pending for that order and status is kept as it is. Only outside a
     * global transaction: Seata's AT mode does not take {@code INSERT IGNORE}.
     */
    void insertOnce(PendingEvent event) {
        jdbc.update("INSERT IGNORE" + INSERT, args(event));
    }

    /**
     * Locks up to {@code limit} rows for sending, oldest first, skipping those another relay holds. A row
     * written by a global transaction waits until that transaction ended: until phase two its AT branch
     * keeps an undo record, and a rollback would still delete the row (and the orders). A row also waits
     * while an earlier one whose order ids overlap its own is pending, so an order's events go out in order.
     * Call in a READ COMMITTED transaction: no gap locks, so writers of new rows never wait for it.
     */
    List<PendingEvent> claim(int limit) {
        return jdbc.query("SELECT order_id, last_order_id, status, payload, xid FROM order_events e"
                + " WHERE (e.xid IS NULL OR NOT EXISTS (SELECT 1 FROM undo_log u WHERE u.xid = e.xid))"
                + " AND NOT EXISTS (SELECT 1 FROM order_events p WHERE p.seq < e.seq"
                + " AND p.order_id <= e.last_order_id AND p.last_order_id >= e.order_id)"
                + " ORDER BY e.seq LIMIT ? FOR UPDATE SKIP LOCKED", PendingEvents::row, limit);
    }

    void delete(List<PendingEvent> rows) {
        jdbc.batchUpdate("DELETE FROM order_events WHERE order_id = ? AND status = ?",
                rows.stream().map(e -> new Object[] { e.orderId(), e.status().name() }).toList());
    }

    /** Events written and not yet acknowledged. */
    long count() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(events), 0) FROM order_events", Long.class);
    }

    /** For the backlog gauge: NaN while the database does not answer. */
    double countOrNaN() {
        try {
            return count();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Object[] args(PendingEvent event) {
        String payload = event.events().stream().map(m -> m.orderId() + "\t" + m.json())
                .collect(Collectors.joining("\n"));
        return new Object[] { event.orderId(), event.status().name(), event.lastOrderId(), event.events().size(),
                payload, event.xid() };
    }

    private static PendingEvent row(ResultSet rs, int i) throws SQLException {
        List<PendingEvent.Message> messages = Arrays.stream(rs.getString("payload").split("\n")).map(line -> {
            int tab = line.indexOf('\t');
            return new PendingEvent.Message(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1));
        }).toList();
        return new PendingEvent(rs.getLong("order_id"), rs.getLong("last_order_id"),
                OrderStatus.valueOf(rs.getString("status")), messages, rs.getString("xid"));
    }
}
