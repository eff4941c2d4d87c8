package io.github.seckill.order.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.github.seckill.common.order.OrderStatus;

/**
 * The outbox table {@code order_events}. Rows are written in the caller's transaction, a batch's in one
 * multi-row INSERT (under a global transaction: one statement and one after-image in the AT branch, as
 * for the orders themselves).
 */
@Repository
class PendingEvents {

    private static final String ROW = "(?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PendingEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(List<PendingEvent> events) {
        jdbc.update("INSERT INTO order_events (order_id, status, payload, xid, created_at) VALUES "
                + String.join(", ", Collections.nCopies(events.size(), ROW)), args(events));
    }

    /**
     * The same, where an event already pending for that order and status is kept as it is. Only outside
     * a global transaction: Seata's AT mode does not take {@code INSERT IGNORE}.
     */
    void insertOnce(PendingEvent event) {
        jdbc.update("INSERT IGNORE INTO order_events (order_id, status, payload, xid, created_at) VALUES " + ROW,
                args(List.of(event)));
    }

    /**
     * Locks up to {@code limit} events for sending, oldest first, skipping those another relay holds.
     * An event written by a global transaction waits until that transaction ended: until phase two its
     * AT branch keeps an undo record, and a rollback would still delete the event (and the order).
     * Call in a READ COMMITTED transaction: no gap locks, so writers of new events never wait for it.
     */
    List<PendingEvent> claim(int limit) {
        return jdbc.query("SELECT order_id, status, payload, xid FROM order_events e"
                + " WHERE e.xid IS NULL OR NOT EXISTS (SELECT 1 FROM undo_log u WHERE u.xid = e.xid)"
                + " ORDER BY e.created_at LIMIT ? FOR UPDATE SKIP LOCKED",
                (rs, i) -> new PendingEvent(rs.getLong(1), OrderStatus.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4)), limit);
    }

    void delete(List<PendingEvent> events) {
        jdbc.batchUpdate("DELETE FROM order_events WHERE order_id = ? AND status = ?",
                events.stream().map(e -> new Object[] { e.orderId(), e.status().name() }).toList());
    }

    long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM order_events", Long.class);
    }

    /** For the backlog gauge: NaN while the database does not answer. */
    double countOrNaN() {
        try {
            return count();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private Object[] args(List<PendingEvent> events) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> args = new ArrayList<>(events.size() * 5);
        events.forEach(e -> Collections.addAll(args, e.orderId(), e.status().name(), e.payload(), e.xid(), now));
        return args.toArray();
    }
}
