package io.github.seckill.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.OrderFailed;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.compensation.infra.TopicSettings;
import io.github.seckill.testsupport.TestServers;

/**
 * One application context for every integration test: real MariaDB/MySQL, Redis and Kafka; the
 * peers (order-service's internal API, the alert webhook) are real HTTP servers in {@link PeerStub}.
 * Delays are short, the code path is the production one.
 */
@AutoConfigureObservability
@AutoConfigureMockMvc
@SpringBootTest(properties = {
        "seckill.ladder.delays=1s,2s,3s",
        "seckill.ladder.max-rungs=4",
        "seckill.dlq.max-attempts=2",
        "seckill.dlq.interval=1s",
        "seckill.alerts.attempts=2",
        "seckill.alerts.backoff=100ms",
        "seckill.sweeper.interval=1s",
        "seckill.sweeper.republish-after=2s",
        "seckill.sweeper.hanging-timeout=120s",
        "seckill.sweeper.lock-at-least-for=PT0.9S",
        "seckill.reconciliation.enabled=false",
        "seckill.reconciliation.interval=1s",
        "seckill.reconciliation.hanging-after=30s",
        "seckill.topics.partitions=1" })
public abstract class CompensationTestSupport {

    private static final AtomicLong SALES = new AtomicLong(System.nanoTime() % 1_000_000 * 100);
    private static final AtomicLong ORDERS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.registerDatabase(registry, "seckill_compensation");
        TestServers.registerRedis(registry);
        TestServers.registerKafka(registry);
        registry.add("seckill.topics.order-dlq", () -> TestServers.topic("seckill.order.dlq"));
        registry.add("seckill.sweeper.placement-group", () -> TestServers.topic("placement"));
        registry.add("seckill.order-service.url", PeerStub::url);
        registry.add("seckill.alerts.url", () -> PeerStub.url() + "/hook");
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
    protected MockMvc mvc;

    protected long openSale(long stock) {
        long sale = SALES.incrementAndGet();
        reservations.prewarm(new SaleId(sale), "Sale " + sale, stock, 5, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600), new BigDecimal("19.90"));
        return sale;
    }

    protected OrderPlaced order(long sale) {
        return OrderPlaced.of(ORDERS.incrementAndGet(), sale, 7, 1, new BigDecimal("19.90"), Instant.now());
    }

    /** Reserves in Redis as the shopper API does. */
    protected OrderPlaced reserved(long sale) throws Exception {
        OrderPlaced order = order(sale);
        if (!reservations.reserve(new SaleId(sale), new OrderId(order.orderId()), new UserId(order.userId()),
                order.quantity(), json.writeValueAsString(order)).reserved()) {
            throw new IllegalStateException("not reserved: " + order);
        }
        return order;
    }

    protected String failedJson(OrderPlaced order) throws Exception {
        return json.writeValueAsString(new OrderFailed(order, "Seata TC unreachable",
                "io.seata.common.exception.FrameworkException", Instant.now()));
    }

    protected void publishFailed(OrderPlaced order) throws Exception {
        kafka.send(topics.orderFailed(), Long.toString(order.orderId()), failedJson(order)).get();
    }
}
