package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.testsupport.Endpoint;
import io.github.seckill.testsupport.TestServers;
import io.github.seckill.testsupport.ServiceProcess;

/**
 * The purchase path across the real services, each run from its jar: admin creates and prewarms a
 * sale, shoppers buy through seckill-api, order-service commits the orders in Seata global
 * transactions against the real TC, MariaDB, Redis and Kafka.
 */
class PurchasePathIT {

    private static final Http HTTP = new Http();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess api;
    private static ServiceProcess orders;
    private static ServiceProcess admin;
    private static ServiceProcess compensation;
    private static LettuceConnectionFactory redisConnection;
    private static Reservations reservations;
    private static BackOffice backOffice;

    @BeforeAll
    static void startPlatform() throws Exception {
        TestServers.MySql db = TestServers.mysql();
        Endpoint redis = TestServers.redis();
        Map<String, String> common = new HashMap<>(Map.of(
                "spring.datasource.username", db.user(),
                "spring.datasource.password", db.password(),
                "spring.data.redis.host", redis.host(),
                "spring.data.redis.port", Integer.toString(redis.port()),
                "seckill.redis.key-prefix", TestServers.redisPrefix(),
                "spring.kafka.bootstrap-servers", TestServers.kafka(),
                "seckill.topics.order-placed", TestServers.topic("seckill.order.placed"),
                "seckill.topics.order-failed", TestServers.topic("seckill.order.failed")));

        Map<String, String> orderSettings = new HashMap<>(common);
        orderSettings.put("spring.datasource.url", db.url(TestServers.database("seckill_order")));
        orderSettings.put("seata.service.grouplist.default", TestServers.coordinator().toString());
        // Consumer groups of this run only: a broker found on 9092 may serve other runs too.
        orderSettings.put("spring.kafka.consumer.group-id", TestServers.topic("order-service"));
        orders = started(ServiceProcess.start("order-service", orderSettings));

        Map<String, String> compensationSettings = new HashMap<>(common);
        compensationSettings.put("spring.datasource.url", db.url(TestServers.database("seckill_compensation")));
        compensationSettings.put("seckill.topics.order-dlq", TestServers.topic("seckill.order.dlq"));
        compensationSettings.put("seckill.order-service.url", orders.baseUrl());
        compensationSettings.put("seckill.reconciliation.interval", "2s");
        compensationSettings.put("spring.kafka.consumer.group-id", TestServers.topic("compensation-service"));
        compensationSettings.put("seckill.sweeper.placement-group", TestServers.topic("order-service"));
        compensation = started(ServiceProcess.start("compensation-service", compensationSettings));

        Map<String, String> adminSettings = new HashMap<>(common);
        adminSettings.put("spring.datasource.url", db.url(TestServers.database("seckill_admin")));
        admin = started(ServiceProcess.start("admin-service", adminSettings));

        Map<String, String> apiSettings = new HashMap<>(common);
        apiSettings.put("spring.datasource.url", db.url(TestServers.database("seckill_api")));
        apiSettings.put("seckill.order-service.url", orders.baseUrl());
        apiSettings.put("seckill.passwords.strength", "4"); // shoppers sign up and in; cheap hashes
        api = started(ServiceProcess.start("seckill-api", apiSettings));

        backOffice = new BackOffice(HTTP, admin.url(""), api.url(""));
        redisConnection = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        redisConnection.afterPropertiesSet();
        reservations = new Reservations(new StringRedisTemplate(redisConnection), TestServers.redisPrefix());
    }

    /** One at a time: three Spring Boot starts at once on two cores stretch every start-up timeout. */
    private static ServiceProcess started(ServiceProcess service) {
        SERVICES.add(service);
        return service.awaitUp(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopPlatform() {
        SERVICES.forEach(ServiceProcess::close);
        if (redisConnection != null) {
            redisConnection.destroy();
        }
    }

    @Test
    void tenShoppersForThreeUnitsEndWithThreeCreatedOrders() throws Exception {
        long sale = saleOf(3, 1);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(shopper("e2e" + i));
        }

        List<Http.Response> answers = buyAll(sale, tokens);

        List<String> accepted = answers.stream().filter(r -> r.status() == 202)
                .map(r -> (String) r.body().get("orderId")).toList();
        assertThat(accepted).hasSize(3);
        assertThat(answers).filteredOn(r -> r.status() != 202)
                .allSatisfy(r -> assertThat(r.body()).containsEntry("type", "urn:seckill:problem:sold-out"))
                .hasSize(7);

        Map<String, String> owner = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() == 202) {
                owner.put((String) answers.get(i).body().get("orderId"), tokens.get(i));
            }
        }
        for (String orderId : accepted) {
            await("order " + orderId + " CREATED").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Http.Response status = HTTP.get(api.url("/api/v1/orders/" + orderId),
                        Http.bearer(owner.get(orderId)));
                assertThat(status.status()).isEqualTo(200);
                assertThat(status.body()).containsEntry("status", "CREATED").containsEntry("amount", "9.90");
            });
            assertThat(reservations.entry(new SaleId(sale), new OrderId(Long.parseLong(orderId))).orElseThrow().state())
                    .isEqualTo(LedgerState.CONFIRMED);
        }

        try (Connection c = TestServers.connect("seckill_order"); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM orders WHERE activity_id = " + sale + " AND status = 'CREATED'"))
                    .isEqualTo(3);
            assertThat(count(s, "SELECT SUM(remaining) FROM activity_stock WHERE activity_id = " + sale)).isZero();
            assertThat(count(s, "SELECT SUM(sold) FROM activity_stock WHERE activity_id = " + sale)).isEqualTo(3);
            await("undo_log cleared").atMost(Duration.ofSeconds(30))
                    .until(() -> count(s, "SELECT COUNT(*) FROM undo_log") == 0);
        }
        assertThat(reservations.remaining(new SaleId(sale))).contains(0L);

        await("stock reconciled against order-service").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Http.Response checks = HTTP.get(compensation.url("/ops/api/v1/stock"), Http.basic("ops", "ops"));
            assertThat(checks.status()).isEqualTo(200);
            assertThat(checks.list()).anySatisfy(c -> assertThat(c).containsEntry("activityId", (int) sale)
                    .containsEntry("mysqlSold", 3).containsEntry("redisAvailable", 0).containsEntry("drift", 0));
        });
    }

    @Test
    void secondPurchaseBySameShopperIsRefusedAndAnotherShopperCannotSeeTheOrder() {
        long sale = saleOf(5, 1);
        String token = shopper("repeat");
        Http.Response first = HTTP.post(api.url("/api/v1/activities/" + sale + "/orders"), Http.bearer(token),
                Map.of("quantity", 1));
        assertThat(first.status()).isEqualTo(202);

        Http.Response second = HTTP.post(api.url("/api/v1/activities/" + sale + "/orders"), Http.bearer(token),
                Map.of("quantity", 1));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).containsEntry("type", "urn:seckill:problem:limit-exceeded");
        Http.Response peek = HTTP.get(api.url("/api/v1/orders/" + first.body().get("orderId")),
                Http.bearer(shopper("peeker")));
        assertThat(peek.status()).isEqualTo(404);
        assertThat(reservations.remaining(new SaleId(sale))).contains(4L);
    }

    @Test
    void shoppersPayAndCancelThroughTheShopperApi() throws Exception {
        long sale = saleOf(5, 1);
        String payer = shopper("payer");
        String canceller = shopper("canceller");
        String paid = createdOrder(sale, payer);
        String cancelled = createdOrder(sale, canceller);

        Http.Response payment = HTTP.post(api.url("/api/v1/orders/" + paid + "/payment"), Http.bearer(payer), null);
        Http.Response cancellation = HTTP.post(api.url("/api/v1/orders/" + cancelled + "/cancellation"),
                Http.bearer(canceller), null);

        assertThat(payment.status()).as("payment: %s", payment.body()).isEqualTo(200);
        assertThat(payment.body()).containsEntry("status", "PAID");
        assertThat(cancellation.status()).as("cancellation: %s", cancellation.body()).isEqualTo(200);
        assertThat(cancellation.body()).containsEntry("status", "CANCELLED");
        assertThat(HTTP.post(api.url("/api/v1/orders/" + paid + "/cancellation"), Http.bearer(payer), null).status())
                .isEqualTo(409);
        await("restocked in Redis").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(reservations.remaining(new SaleId(sale))).contains(4L));
        try (Connection c = TestServers.connect("seckill_order"); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT SUM(remaining) FROM activity_stock WHERE activity_id = " + sale)).isEqualTo(4);
        }
    }

    private static String createdOrder(long sale, String token) {
        Http.Response bought = HTTP.post(api.url("/api/v1/activities/" + sale + "/orders"), Http.bearer(token),
                Map.of("quantity", 1));
        assertThat(bought.status()).as("purchase: %s", bought.body()).isEqualTo(202);
        String orderId = (String) bought.body().get("orderId");
        await("order " + orderId + " CREATED").atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                HTTP.get(api.url("/api/v1/orders/" + orderId), Http.bearer(token)).body())
                .containsEntry("status", "CREATED"));
        return orderId;
    }

    private static long saleOf(int stock, int limit) {
        return backOffice.saleOf(stock, limit);
    }

    private static String shopper(String name) {
        return backOffice.shopper(name);
    }

    private static List<Http.Response> buyAll(long sale, List<String> tokens) {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        try {
            List<CompletableFuture<Http.Response>> calls = tokens.stream()
                    .map(t -> CompletableFuture.supplyAsync(() -> HTTP.post(
                            api.url("/api/v1/activities/" + sale + "/orders"), Http.bearer(t), Map.of("quantity", 1)),
                            pool))
                    .toList();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
