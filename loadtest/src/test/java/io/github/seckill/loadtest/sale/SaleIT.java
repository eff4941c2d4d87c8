package io.github.seckill.loadtest.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.seckill.testsupport.Endpoint;
import io.github.seckill.testsupport.TestServers;
import io.github.seckill.testsupport.ServiceProcess;

/**
 * A small scenario (b) in the build: the services run from their jars against this run's databases,
 * Redis prefix, topics, Kafka and TC (TestServers); shoppers register and log in through the API;
 * a crowd with repeat clickers buys a small stock; the verdict is the invariant checker's.
 */
class SaleIT {

    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static Platform platform;

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
        String ordersDb = db.url(TestServers.database("seckill_order"));

        Map<String, String> orderSettings = new HashMap<>(common);
        orderSettings.put("spring.datasource.url", ordersDb);
        orderSettings.put("seata.service.grouplist.default", TestServers.coordinator().toString());
        ServiceProcess orders = started(ServiceProcess.start("order-service", orderSettings));

        Map<String, String> adminSettings = new HashMap<>(common);
        adminSettings.put("spring.datasource.url", db.url(TestServers.database("seckill_admin")));
        ServiceProcess admin = started(ServiceProcess.start("admin-service", adminSettings));

        Map<String, String> apiSettings = new HashMap<>(common);
        apiSettings.put("spring.datasource.url", db.url(TestServers.database("seckill_api")));
        apiSettings.put("seckill.order-service.url", orders.baseUrl());
        apiSettings.put("seckill.passwords.strength", "4"); // the shoppers sign up and in; cheap hashes
        ServiceProcess api = started(ServiceProcess.start("seckill-api", apiSettings));

        platform = new Platform(URI.create(api.baseUrl()), URI.create(admin.baseUrl()), "admin", "admin", ordersDb,
                db.user(), db.password(), redis.host(), redis.port(), "", TestServers.redisPrefix(),
                "local-development-secret-change-me-0123456789", "seckill", "seckill-api");
    }

    /** One at a time: three Spring Boot starts at once on two cores stretch every start-up timeout. */
    private static ServiceProcess started(ServiceProcess service) {
        SERVICES.add(service);
        return service.awaitUp(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopPlatform() {
        SERVICES.forEach(ServiceProcess::close);
    }

    @Test
    void aCrowdWithRepeatClickersBuysTheStockExactlyAndEveryInvariantHolds() throws Exception {
        // 200 buyers (100 shoppers, each twice) for 50 units at 50/s, 20% clicking three times; 40 warm-up purchases
        SaleShape shape = new SaleShape(200, 100, 50, 1, 50, 0.2, 3, 5, TokenSource.API, 40, 40,
                Duration.ofSeconds(90));

        SaleResult result = new SaleRun(platform, shape, Path.of("target", "gatling")).run();

        assertThat(result.invariants().violations()).isEmpty();
        assertThat(result.drain().quiet()).isTrue();
        assertThat(result.gatlingExit()).isZero();
        assertThat(result.oversold()).isZero();
        assertThat(result.undersold()).isZero();
        assertThat(result.lost()).as("orders answered 202 but missing in MySQL").isZero();
        assertThat(result.answers().keySet()).as("only answers the API documents for a purchase")
                .allMatch(a -> a.matches("(202 accepted|409 sold-out|409 limit-exceeded|429 rate-limited"
                        + "|503 unavailable)( \\(replayed\\))?"));
        if (result.answers().keySet().stream().noneMatch(a -> a.startsWith("503") || a.startsWith("429"))) {
            // nobody was turned away for load: the stock sold out exactly
            assertThat(result.accepted()).isEqualTo(50);
            assertThat(result.answers()).containsKey("409 sold-out");
        }
        assertThat(result.green()).isTrue();
    }
}
