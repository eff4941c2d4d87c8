package io.github.seckill.order.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.seckill.order.OrderTestSupport;

/**
 * What writing a batch's events costs inside its AT branch (ADR 14): one INSERT per event, as Spring
 * Modulith's JDBC event publication registry writes them (its MariaDB table and statement), against one
 * multi-row INSERT of an outbox row per event, and against one outbox row that holds them all (what
 * order-service does). Each round is one global transaction, begun, written, committed, as a placement
 * batch. Not part of the build's tests: run it with -Dtest=OutboxInsertBenchmark.
 */
class OutboxInsertBenchmark extends OrderTestSupport {

    private static final int EVENTS = 1_000;
    private static final int ROUNDS = 5;
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10_000);

    @Autowired
    TransactionTemplate transactions;

    @Test
    void insertPerEventAgainstOneMultiRowInsert() throws Exception {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS event_publication (
                  id VARCHAR(36) NOT NULL, listener_id VARCHAR(512) NOT NULL, event_type VARCHAR(512) NOT NULL,
                  serialized_event VARCHAR(4000) NOT NULL, publication_date TIMESTAMP(6) NOT NULL,
                  completion_date TIMESTAMP(6) DEFAULT NULL NULL, PRIMARY KEY (id),
                  INDEX event_publication_by_completion_date_idx (completion_date))""");
        jdbc.execute("CREATE TABLE IF NOT EXISTS order_events_bench LIKE order_events");
        jdbc.execute("CREATE TABLE IF NOT EXISTS order_events_bench_one LIKE order_events");
        String payload = "{\"orderId\":\"123456789012345678\",\"activityId\":42,\"userId\":4242,\"status\":\"CREATED\","
                + "\"reason\":null,\"at\":\"2026-01-01T00:00:00.123456Z\"}";
        round("warm-up per event", () -> perEvent(payload));
        round("warm-up multi-row", () -> multiRow(payload));
        round("warm-up one row", () -> oneRow(payload));
        List<Long> perEvent = new ArrayList<>();
        List<Long> multiRow = new ArrayList<>();
        List<Long> oneRow = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            perEvent.add(round("per event", () -> perEvent(payload)));
            multiRow.add(round("multi-row", () -> multiRow(payload)));
            oneRow.add(round("one row", () -> oneRow(payload)));
        }
        System.out.printf("%d events per global transaction, median of %d: one INSERT per event %d ms,"
                + " one multi-row INSERT %d ms, one row for all %d ms%n", EVENTS, ROUNDS, median(perEvent),
                median(multiRow), median(oneRow));
    }

    private void perEvent(String payload) {
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < EVENTS; i++) {
            jdbc.update("INSERT INTO event_publication (id, event_type, listener_id, publication_date,"
                    + " serialized_event) VALUES (?, ?, ?, ?, ?)", UUID.randomUUID().toString(),
                    "io.github.seckill.common.messaging.OrderStatusChanged",
                    "org.springframework.modulith.events.kafka.KafkaEventExternalizer.externalize(java.lang.Object)",
                    now, payload);
        }
    }

    private void multiRow(String payload) {
        List<Object> args = new ArrayList<>(EVENTS * 6);
        for (int i = 0; i < EVENTS; i++) {
            long id = IDS.incrementAndGet();
            Collections.addAll(args, id, "CREATED", id, 1, id + "\t" + payload, "xid");
        }
        jdbc.update("INSERT INTO order_events_bench (order_id, status, last_order_id, events, payload, xid) VALUES "
                + String.join(", ", Collections.nCopies(EVENTS, "(?, ?, ?, ?, ?, ?)")), args.toArray());
    }

    private void oneRow(String payload) {
        List<String> lines = new ArrayList<>(EVENTS);
        long first = IDS.get() + 1;
        for (int i = 0; i < EVENTS; i++) {
            lines.add(IDS.incrementAndGet() + "\t" + payload);
        }
        jdbc.update("INSERT INTO order_events_bench_one (order_id, status, last_order_id, events, payload, xid)"
                + " VALUES (?, 'CREATED', ?, ?, ?, 'xid')", first, IDS.get(), EVENTS, String.join("\n", lines));
    }

    private long round(String name, Runnable writes) throws Exception {
        long start = System.nanoTime();
        GlobalTransaction tx = GlobalTransactionContext.getCurrentOrCreate();
        tx.begin(60_000, "outbox-bench");
        try {
            transactions.executeWithoutResult(s -> writes.run());
            tx.commit();
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s: %d events in %d ms%n", name, EVENTS, millis);
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
