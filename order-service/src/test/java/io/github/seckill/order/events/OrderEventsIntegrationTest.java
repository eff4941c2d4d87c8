package io.github.seckill.order.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderStatusChanged;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.order.OrderServiceApplication;
import io.github.seckill.testsupport.Endpoint;
import io.github.seckill.testsupport.KafkaProbe;
import io.github.seckill.testsupport.TestServers;

/**
 * The outbox of status events with Kafka away and with a restart: an order paid through the internal
 * API while Kafka cannot be reached is in the outbox at once and on the topic once Kafka is back, or once
 * the service came back up. These run order-service on a database and topic of their own, without Seata
 * (a payment is a local transaction), so the shared test context's relay never sees their events.
 */
class OrderEventsIntegrationTest {

    private static final String TOPIC = TestServers.topic("seckill.order.events.outbox");
    private static final String DATABASE = TestServers.database("seckill_order_outbox");
    private static final AtomicLong ORDERS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    /** Closed last opened first: an application before the crusher it talks through, a crusher before its reactor. */
    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @BeforeAll
    static void topic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }

    @Test
    void aPaymentWhileKafkaIsUnreachableIsPublishedOnceKafkaIsBack() throws Exception {
        TcpCrusher kafka = unreachableKafka();
        ConfigurableApplicationContext app = start("127.0.0.1:" + kafka.getBindAddress().getPort());
        long order = createdOrder(app, 31);

        try (KafkaProbe events = new KafkaProbe(TOPIC)) {
            pay(app, order, 31);

            // written with the payment, before any send
            assertThat(pending(app, order)).containsExactly("PAID");
            // the relay tries every 200 ms and is refused every time: nothing arrives, nothing is lost
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> pending(app, order)
                    .equals(List.of("PAID")) && events.received().stream().noneMatch(r -> key(order).equals(r.key())));

            kafka.open();

            assertPublishedOnce(events, order, OrderStatus.PAID, 31);
            await().atMost(Duration.ofSeconds(30)).until(() -> pending(app, order).isEmpty());
        }
    }

    @Test
    void anEventWrittenBeforeAStopIsPublishedAfterTheRestart() throws Exception {
        TcpCrusher kafka = unreachableKafka();
        ConfigurableApplicationContext before = start("127.0.0.1:" + kafka.getBindAddress().getPort());
        long order = createdOrder(before, 32);
        pay(before, order, 32);
        assertThat(pending(before, order)).containsExactly("PAID");
        before.close(); // stopped before Kafka could take the event

        try (KafkaProbe events = new KafkaProbe(TOPIC)) {
            ConfigurableApplicationContext after = start(TestServers.kafka());

            assertPublishedOnce(events, order, OrderStatus.PAID, 32);
            await().atMost(Duration.ofSeconds(30)).until(() -> pending(after, order).isEmpty());
        }
    }

    /**
     * A proxy to Kafka, not yet open: a producer bootstrapped through it cannot reach Kafka at all until it
     * opens (and then learns the broker's own address from it).
     */
    private TcpCrusher unreachableKafka() {
        NioReactor reactor;
        try {
            reactor = new NioReactor();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        open.push(reactor::close);
        Endpoint broker = Endpoint.parse(TestServers.kafka().split(",")[0]);
        TcpCrusher crusher = TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress("127.0.0.1", Endpoint.freePort())
                .withConnectAddress(broker.host(), broker.port()).build();
        open.push(crusher::close);
        return crusher;
    }

    private ConfigurableApplicationContext start(String kafka) {
        TestServers.MySql db = TestServers.mysql();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(OrderServiceApplication.class).run(
                "--spring.datasource.url=" + db.url(DATABASE),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.data.redis.host=" + TestServers.redis().host(),
                "--spring.data.redis.port=" + TestServers.redis().port(),
                "--seckill.redis.key-prefix=" + TestServers.redisPrefix(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.kafka.listener.auto-startup=false",
                "--spring.kafka.admin.auto-create=false",
                "--seckill.topics.order-events=" + TOPIC,
                "--seckill.order-events.interval=200ms",
                "--seckill.order-events.ack-timeout=2s",
                "--seata.enabled=false",
                "--server.port=0");
        open.push(app::close);
        return app;
    }

    private static long createdOrder(ConfigurableApplicationContext app, long user) {
        long id = ORDERS.incrementAndGet();
        app.getBean(JdbcTemplate.class).update("INSERT INTO orders (id, activity_id, user_id, quantity, unit_price,"
                + " amount, status, placed_at, created_at, updated_at) VALUES (?, 77, ?, 1, 19.90, 19.90, 'CREATED',"
                + " NOW(3), NOW(3), NOW(3))", id, user);
        return id;
    }

    private static void pay(ConfigurableApplicationContext app, long order, long user) {
        String status = RestClient.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .post().uri("/internal/api/v1/orders/{id}/payment", order)
                .headers(h -> h.setBasicAuth("internal", "internal-local-only"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("userId", user))
                .retrieve().body(Map.class).get("status").toString();
        assertThat(status).isEqualTo("PAID");
    }

    private static List<String> pending(ConfigurableApplicationContext app, long order) {
        return app.getBean(JdbcTemplate.class).queryForList("SELECT status FROM order_events WHERE order_id = ?",
                String.class, order);
    }

    private void assertPublishedOnce(KafkaProbe events, long order, OrderStatus status, long user) throws Exception {
        List<ConsumerRecord<String, String>> mine = events.awaitKey(key(order), Duration.ofSeconds(60));
        assertThat(mine).hasSize(1);
        OrderStatusChanged event = json.readValue(mine.get(0).value(), OrderStatusChanged.class);
        assertThat(event.orderId()).isEqualTo(order);
        assertThat(event.userId()).isEqualTo(user);
        assertThat(event.status()).isEqualTo(status);
    }

    private static String key(long order) {
        return Long.toString(order);
    }
}
