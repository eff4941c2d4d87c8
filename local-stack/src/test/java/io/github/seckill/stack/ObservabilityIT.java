package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.seckill.operations.OpsQueries;
import io.github.seckill.operations.Promtool;
import io.github.seckill.operations.Query;
import io.github.seckill.testsupport.Endpoint;
import io.github.seckill.testsupport.TestServers;
import io.github.seckill.testsupport.ServiceProcess;

/**
 * The ops view against the running platform: the four service jars and a TC with its exporter, a
 * real Prometheus scraping them every second with the alert rules loaded, a small sale, then every
 * query of every dashboard panel and every alert must parse and (but for the few below) return data.
 */
class ObservabilityIT {

    /**
     * Series a clean sale never creates; their queries are checked to parse only. Each is registered
     * on first use, by something a clean sale does not do, or by a job that may not have run yet.
     */
    private static final Map<String, String> EMPTY_AFTER_A_CLEAN_SALE = Map.of(
            "compensation_attempt_total", "registered on the first compensation attempt; nothing failed",
            "compensation_alerts_total", "registered on the first webhook alert; none was raised",
            "seckill_sweeper_reservations_total", "registered on the first republish or release; every order settled",
            "seckill_redis_max_memory_bytes > 0", "the tests' Redis runs without maxmemory, so RedisMemoryHigh's ratio"
                    + " has no denominator; RetentionIntegrationTest reads both gauges");
    private static final String RATE_WINDOW = "30s";
    private static final String ADMIN = Http.basic("admin", "admin");
    private static final Http HTTP = new Http();
    private static final List<AutoCloseable> RUNNING = new ArrayList<>();
    private static ServiceProcess api;
    private static ServiceProcess admin;
    private static PrometheusProcess prometheus;

    @BeforeAll
    static void startPlatformAndPrometheus() throws Exception {
        assumeTrue(Promtool.installed(), Promtool.MISSING);
        Path home = Path.of("target", "observability-it").toAbsolutePath();
        MetricsCoordinator tc = running(MetricsCoordinator.start(home.resolve("tc")));
        TestServers.MySql db = TestServers.mysql();
        Endpoint redis = TestServers.redis();
        Map<String, String> common = new HashMap<>(Map.of(
                "spring.datasource.username", db.user(), "spring.datasource.password", db.password(),
                "spring.data.redis.host", redis.host(), "spring.data.redis.port", Integer.toString(redis.port()),
                "seckill.redis.key-prefix", TestServers.redisPrefix(),
                "spring.kafka.bootstrap-servers", TestServers.kafka(),
                "seckill.topics.order-placed", TestServers.topic("seckill.order.placed"),
                "seckill.topics.order-failed", TestServers.topic("seckill.order.failed")));

        ServiceProcess orders = service("order-service", common, db, "seckill_order",
                Map.of("seata.service.grouplist.default", tc.endpoint().toString()));
        admin = service("admin-service", common, db, "seckill_admin", Map.of());
        api = service("seckill-api", common, db, "seckill_api", Map.of("seckill.order-service.url", orders.baseUrl()));
        ServiceProcess compensation = service("compensation-service", common, db, "seckill_compensation", Map.of(
                "seckill.topics.order-dlq", TestServers.topic("seckill.order.dlq"),
                "seckill.order-service.url", orders.baseUrl(),
                "seckill.data-dir", home.resolve("compensation").toString(),
                "seckill.sweeper.backlog-interval", "1s",
                "seckill.sweeper.placement-group", TestServers.topic("order-service"),
                "seckill.reconciliation.interval", "2s"));

        Map<String, List<String>> jobs = new LinkedHashMap<>();
        jobs.put("seckill-api", List.of("/actuator/prometheus", hostPort(api)));
        jobs.put("admin-service", List.of("/actuator/prometheus", hostPort(admin)));
        jobs.put("order-service", List.of("/actuator/prometheus", hostPort(orders)));
        jobs.put("compensation-service", List.of("/actuator/prometheus", hostPort(compensation)));
        jobs.put("seata-tc", List.of("/metrics", "127.0.0.1:" + tc.metricsPort()));
        prometheus = running(PrometheusProcess.start(home.resolve("prometheus"), jobs));
    }

    private static ServiceProcess service(String module, Map<String, String> common, TestServers.MySql db,
            String database, Map<String, String> own) throws Exception {
        Map<String, String> settings = new HashMap<>(common);
        settings.put("spring.datasource.url", db.url(TestServers.database(database)));
        // a group of this run's own: a Kafka shared with other runs must not mix their consumers with ours
        settings.put("spring.kafka.consumer.group-id", TestServers.topic(module));
        settings.putAll(own);
        // one at a time: four Spring Boot starts at once on two cores stretch every start-up timeout
        return running(ServiceProcess.start(module, settings)).awaitUp(Duration.ofMinutes(3));
    }

    private static <T extends AutoCloseable> T running(T process) {
        RUNNING.add(process);
        return process;
    }

    private static String hostPort(ServiceProcess service) {
        return service.baseUrl().substring("http://".length());
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (int i = RUNNING.size() - 1; i >= 0; i--) {
            RUNNING.get(i).close();
        }
    }

    @Test
    void everyDashboardAndAlertQueryParsesAndReturnsDataAfterASmallSale() {
        runSmallSale();

        await("every target up").atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                prometheus.query("up").path("data").path("result")).hasSize(5)
                .allSatisfy(r -> assertThat(r.path("value").get(1).asText()).as(r.toString()).isEqualTo("1")));
        JsonNode rules = prometheus.get("/api/v1/rules?type=alert").path("data").path("groups");
        List<String> loaded = new ArrayList<>();
        rules.forEach(g -> g.path("rules").forEach(r -> loaded.add(r.path("name").asText())));
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(
                OpsQueries.alertRules().stream().map(r -> (String) r.get("alert")).toList());

        List<Query> queries = OpsQueries.all();
        for (Query q : queries) {
            JsonNode parsed = prometheus.query(q.evaluable(RATE_WINDOW));
            assertThat(parsed.path("status").asText()).as("%s: %s", q.source(), parsed).isEqualTo("success");
        }
        for (Query q : queries) {
            if (EMPTY_AFTER_A_CLEAN_SALE.keySet().stream().anyMatch(q.expr()::contains)) {
                continue;
            }
            String signal = q.signal(RATE_WINDOW);
            await(q.source() + " has data: " + signal).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                            prometheus.query(signal).path("data").path("result")).isNotEmpty());
        }
    }

    /** Three units, five shoppers, one of them over the per-user rate limit; the three orders commit. */
    private static void runSmallSale() {
        long sale = saleOf(3);
        List<String> accepted = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            String token = shopper("obs" + i);
            Http.Response bought = HTTP.post(api.url("/api/v1/activities/" + sale + "/orders"), Http.bearer(token),
                    Map.of("quantity", 1));
            if (bought.status() == 202) {
                accepted.add((String) bought.body().get("orderId"));
                owner.put((String) bought.body().get("orderId"), token);
            }
        }
        assertThat(accepted).hasSize(3);
        for (String orderId : accepted) {
            await("order " + orderId + " CREATED").atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    HTTP.get(api.url("/api/v1/orders/" + orderId), Http.bearer(owner.get(orderId))).body())
                    .containsEntry("status", "CREATED"));
        }
        // with a key of its own each time: without one, a purchase of a sold-out sale is refused from memory,
        // before any rate limit is asked
        String eager = shopper("eager");
        AtomicInteger click = new AtomicInteger();
        await("a purchase refused by the per-user rate limit").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(1)).until(() -> HTTP.post(
                        api.url("/api/v1/activities/" + sale + "/orders"), Http.bearer(eager),
                        Map.of("quantity", 1), Map.of("Idempotency-Key", "eager-" + click.incrementAndGet()))
                        .status() == 429);
    }

    private static long saleOf(int stock) {
        Http.Response product = HTTP.post(admin.url("/admin/api/v1/products"), ADMIN,
                Map.of("name", "Watch", "description", "observed sale", "price", "50.00"));
        assertThat(product.status()).as("product: %s", product.body()).isEqualTo(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Http.Response activity = HTTP.post(admin.url("/admin/api/v1/activities"), ADMIN, Map.of(
                "productId", product.body().get("id"), "title", "Observed sale", "price", "5.00", "stock", stock,
                "limitPerUser", 1, "startAt", now.minusSeconds(60).toString(),
                "endAt", now.plus(Duration.ofHours(1)).toString()));
        assertThat(activity.status()).as("activity: %s", activity.body()).isEqualTo(201);
        long sale = ((Number) activity.body().get("id")).longValue();
        assertThat(HTTP.post(admin.url("/admin/api/v1/activities/" + sale + "/prewarm"), ADMIN, null).status())
                .isEqualTo(200);
        return sale;
    }

    private static String shopper(String name) {
        Map<String, String> credentials = Map.of("username", name + "-" + System.nanoTime(), "password",
                "password123");
        assertThat(HTTP.post(api.url("/api/v1/auth/register"), null, credentials).status()).isEqualTo(201);
        Http.Response login = HTTP.post(api.url("/api/v1/auth/login"), null, credentials);
        assertThat(login.status()).isEqualTo(200);
        return (String) login.body().get("accessToken");
    }
}
