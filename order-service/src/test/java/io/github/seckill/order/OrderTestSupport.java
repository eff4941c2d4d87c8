package io.github.seckill.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.messaging.OrderStatusChanged;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.order.infra.TopicSettings;
import io.github.seckill.testsupport.InvariantChecker;
import io.github.seckill.testsupport.InvariantReport;
import io.github.seckill.testsupport.KafkaProbe;
import io.github.seckill.testsupport.TestServers;

/**
 * Shared set-up of order-service's integration tests: real MariaDB, Redis, Kafka and Seata TC.
 * Every test class uses this one context: Seata's proxying of TCC beans is once per JVM, so a
 * second application context would get unproxied actions.
 */
@SpringBootTest(properties = "seckill.lifecycle.scan-interval=1s")
public abstract class OrderTestSupport {

    private static final AtomicLong SALES = new AtomicLong(System.nanoTime() % 1_000_000 * 100);
    private static final AtomicLong ORDERS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.registerDatabase(registry, "seckill_order");
        TestServers.registerRedis(registry);
        TestServers.registerKafka(registry);
        TestServers.registerSeata(registry);
    }

    @Autowired
    protected Reservations reservations;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected TopicSettings topics;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected DataSource dataSource;

    protected long openSale(long stock, int limit) {
        long sale = SALES.incrementAndGet();
        reservations.prewarm(new SaleId(sale), "Sale " + sale, stock, limit, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600), new BigDecimal("19.90"));
        return sale;
    }

    /** Reserves in Redis as the shopper API does; null when Redis refused. */
    protected OrderPlaced reserve(long sale, long user, int quantity) throws Exception {
        OrderPlaced order = OrderPlaced.of(ORDERS.incrementAndGet(), sale, user, quantity, new BigDecimal("19.90"),
                Instant.now());
        return reservations.reserve(new SaleId(sale), new OrderId(order.orderId()), new UserId(user), quantity,
                json.writeValueAsString(order))
                .reserved() ? order : null;
    }

    protected OrderPlaced reserved(long sale, long user, int quantity) throws Exception {
        OrderPlaced order = reserve(sale, user, quantity);
        assertThat(order).as("reservation of user %d", user).isNotNull();
        return order;
    }

    protected void publish(OrderPlaced order) throws Exception {
        kafka.send(topics.orderPlaced(), Long.toString(order.orderId()), json.writeValueAsString(order)).get();
    }

    protected String status(long orderId) {
        return jdbc.query("SELECT status FROM orders WHERE id = ?", (rs, i) -> rs.getString(1), orderId).stream()
                .findFirst().orElse(null);
    }

    /** The statuses of the order's events still in the outbox (a row may carry a whole batch's events). */
    protected List<OrderStatus> pendingStatuses(long orderId) {
        return jdbc.query("SELECT status, payload FROM order_events WHERE order_id <= ? AND last_order_id >= ?"
                + " ORDER BY seq", (rs, i) -> ("\n" + rs.getString("payload")).contains("\n" + orderId + "\t")
                        ? OrderStatus.valueOf(rs.getString("status")) : null, orderId, orderId)
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The statuses published for the order on {@code seckill.order.events}, in their order, once the outbox
     * holds none of its events any more: all of them were sent and acknowledged.
     */
    protected List<OrderStatus> publishedStatuses(KafkaProbe events, long orderId) {
        org.awaitility.Awaitility.await("order " + orderId + "'s events sent").atMost(Duration.ofSeconds(60))
                .until(() -> pendingStatuses(orderId).isEmpty());
        return events.awaitKey(Long.toString(orderId), Duration.ofSeconds(30)).stream().map(r -> {
            try {
                OrderStatusChanged event = json.readValue(r.value(), OrderStatusChanged.class);
                assertThat(event.orderId()).isEqualTo(orderId);
                return event.status();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    protected long mysqlRemaining(long sale) {
        return jdbc.queryForObject("SELECT SUM(remaining) FROM activity_stock WHERE activity_id = ?", Long.class, sale);
    }

    protected InvariantReport invariants(long sale) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return new InvariantChecker(redis, TestServers.redisPrefix()).check(c, sale, true);
        }
    }
}
