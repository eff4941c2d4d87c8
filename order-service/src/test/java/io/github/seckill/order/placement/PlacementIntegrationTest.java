package io.github.seckill.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderFailed;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.order.infra.TopicSettings;
import io.github.seckill.testsupport.KafkaProbe;
import io.github.seckill.testsupport.TestServers;

/** Placement against real MariaDB, Redis, Kafka and the Seata TC. */
@SpringBootTest
class PlacementIntegrationTest {

    private static final AtomicLong SALES = new AtomicLong(100);
    private static final AtomicLong ORDERS = new AtomicLong(5_000);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.registerDatabase(registry, "seckill_order");
        TestServers.registerRedis(registry);
        TestServers.registerKafka(registry);
        TestServers.registerSeata(registry);
    }

    @Autowired
    Placement placement;
    @Autowired
    Reservations reservations;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    TopicSettings topics;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private long openSale(long stock) {
        long sale = SALES.incrementAndGet();
        reservations.prewarm(sale, "Sale " + sale, stock, 2, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600),
                new BigDecimal("19.90"));
        return sale;
    }

    private OrderPlaced reserve(long sale, long user, int quantity) throws Exception {
        OrderPlaced order = OrderPlaced.of(ORDERS.incrementAndGet(), sale, user, quantity, new BigDecimal("19.90"),
                Instant.now());
        assertThat(reservations.reserve(sale, order.orderId(), user, quantity, json.writeValueAsString(order))
                .reserved()).isTrue();
        return order;
    }

    private Map<String, Object> orderRow(long orderId) {
        return jdbc.queryForMap("SELECT status, quantity, amount, xid FROM orders WHERE id = ?", orderId);
    }

    private int orderCount(long orderId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE id = ?", Integer.class, orderId);
    }

    private long mysqlRemaining(long sale) {
        return jdbc.queryForObject("SELECT remaining FROM activity_stock WHERE activity_id = ?", Long.class, sale);
    }

    private int undoLogRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM undo_log", Integer.class);
    }

    @Test
    void orderFromKafkaCommitsInMySqlAndConfirmsTheReservation() throws Exception {
        long sale = openSale(5);
        OrderPlaced order = reserve(sale, 7, 2);

        kafka.send(topics.orderPlaced(), Long.toString(order.orderId()), json.writeValueAsString(order)).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                reservations.entry(sale, order.orderId()).orElseThrow().state()).isEqualTo(LedgerState.CONFIRMED));
        Map<String, Object> row = orderRow(order.orderId());
        assertThat(row.get("status")).isEqualTo("CREATED");
        assertThat(row.get("quantity")).isEqualTo(2);
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("39.80");
        assertThat((String) row.get("xid")).isNotBlank();
        assertThat(mysqlRemaining(sale)).isEqualTo(3);
        assertThat(reservations.remaining(sale)).contains(3L);
        await().atMost(Duration.ofSeconds(30)).until(() -> undoLogRows() == 0);
    }

    @Test
    void replayedOrderChangesNothing() throws Exception {
        long sale = openSale(5);
        OrderPlaced order = reserve(sale, 8, 1);

        assertThat(placement.place(order)).isEqualTo(Placement.Outcome.COMMITTED);
        assertThat(placement.place(order)).isEqualTo(Placement.Outcome.DUPLICATE);

        assertThat(orderCount(order.orderId())).isEqualTo(1);
        assertThat(mysqlRemaining(sale)).isEqualTo(4);
        assertThat(reservations.remaining(sale)).contains(4L);
    }

    @Test
    void failureInTheMySqlBranchRollsBackBothSides() throws Exception {
        long sale = openSale(5);
        OrderPlaced first = reserve(sale, 9, 1);
        assertThat(placement.place(first)).isEqualTo(Placement.Outcome.COMMITTED);
        jdbc.update("UPDATE activity_stock SET remaining = 0 WHERE activity_id = ?", sale); // MySQL drifted
        OrderPlaced order = reserve(sale, 10, 2);
        assertThat(reservations.remaining(sale)).contains(2L);

        assertThat(placement.place(order)).isEqualTo(Placement.Outcome.REFUSED);

        assertThat(orderCount(order.orderId())).isZero();
        assertThat(reservations.remaining(sale)).contains(4L);
        assertThat(reservations.bought(sale, 10)).isZero();
        var entry = reservations.entry(sale, order.orderId()).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.RELEASED);
        assertThat(entry.reason()).isEqualTo("no stock left in MySQL");
        assertThat(mysqlRemaining(sale)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> undoLogRows() == 0);
    }

    @Test
    void reservationHeldElsewhereIsRolledBackAndSentToTheLadder() throws Exception {
        long sale = openSale(5);
        OrderPlaced order = reserve(sale, 11, 1);
        reservations.tryHold(sale, order.orderId(), "another-transaction");

        try (KafkaProbe failed = new KafkaProbe(topics.orderFailed())) {
            assertThat(placement.place(order)).isEqualTo(Placement.Outcome.RETRYING);

            List<ConsumerRecord<String, String>> records = failed.await(1, Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            OrderFailed message = json.readValue(record.value(), OrderFailed.class);
            assertThat(record.key()).isEqualTo(Long.toString(order.orderId()));
            assertThat(message.order()).isEqualTo(order);
            assertThat(message.errorClass()).isNotBlank();
        }
        assertThat(orderCount(order.orderId())).isZero();
        assertThat(reservations.entry(sale, order.orderId()).orElseThrow().state()).isEqualTo(LedgerState.TRYING);
        assertThat(reservations.remaining(sale)).contains(4L);
    }
}
