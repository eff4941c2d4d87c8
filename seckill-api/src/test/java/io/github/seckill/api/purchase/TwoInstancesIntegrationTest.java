package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.github.seckill.api.SeckillApiApplication;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.NodeKeys;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.testsupport.TestServers;

/**
 * Two shopper API instances (two application contexts on their own ports) sharing Redis, Kafka and
 * MariaDB, as in production: rate limits and sold-out flags hold across them, and each numbers its
 * orders under an order-id node of its own.
 */
class TwoInstancesIntegrationTest {

    private static final AtomicLong SALES = new AtomicLong(System.currentTimeMillis() % 100_000 * 10 + 5);
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static TestRestTemplate httpA;
    private static TestRestTemplate httpB;
    private static Reservations reservations;

    @BeforeAll
    static void startTwoInstances() {
        a = start();
        b = start();
        httpA = client(a);
        httpB = client(b);
        reservations = a.getBean(Reservations.class);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        TestServers.MySql db = TestServers.mysql();
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", 0);
        p.put("spring.datasource.url", db.url(TestServers.database("seckill_api")));
        p.put("spring.datasource.username", db.user());
        p.put("spring.datasource.password", db.password());
        p.put("spring.data.redis.host", TestServers.redis().host());
        p.put("spring.data.redis.port", TestServers.redis().port());
        p.put("seckill.redis.key-prefix", TestServers.redisPrefix());
        p.put("spring.kafka.bootstrap-servers", TestServers.kafka());
        p.put("seckill.topics.order-placed", TestServers.topic("seckill.order.placed"));
        p.put("seckill.purchase.sold-out-flag-ttl", "60s");
        p.put("seckill.limits.user", "3/1m");
        // as arguments: they must win over application.yml (builder properties are only defaults)
        return new SpringApplicationBuilder(SeckillApiApplication.class).profiles("test")
                .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static TestRestTemplate client(ConfigurableApplicationContext context) {
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
    }

    @Test
    void eachInstanceLeasesAnOrderIdNodeOfItsOwn() {
        int nodeA = a.getBean(NodeLease.class).node().orElseThrow();
        int nodeB = b.getBean(NodeLease.class).node().orElseThrow();

        assertThat(nodeA).isNotEqualTo(nodeB);
        assertThat(a.getBean(StringRedisTemplate.class).hasKey(new NodeKeys(TestServers.redisPrefix()).lease(nodeA)))
                .isTrue();
    }

    @Test
    void aShoppersLimitCountsOnEveryInstance() {
        long sale = openSale(100, 10);
        String token = shopper();

        ResponseEntity<Map> first = buy(httpA, token, sale);
        ResponseEntity<Map> second = buy(httpB, token, sale);
        ResponseEntity<Map> third = buy(httpA, token, sale);
        ResponseEntity<Map> fourth = buy(httpB, token, sale);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(fourth.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(fourth.getBody()).containsEntry("type", "urn:seckill:problem:rate-limited")
                .containsEntry("limit", "user");
        assertThat(Long.parseLong(fourth.getHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(reservations.remaining(new SaleId(sale))).contains(97L);
        assertThat(buy(httpA, shopper(), sale).getStatusCode()).as("another shopper").isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void soldOutFlagIsSetAndClearedOnEveryInstance() {
        long sale = openSale(1, 1);
        SoldOutFlags flagsA = a.getBean(SoldOutFlags.class);
        SoldOutFlags flagsB = b.getBean(SoldOutFlags.class);
        ResponseEntity<Map> bought = buy(httpA, shopper(), sale);
        assertThat(bought.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(flagsB.flagged(sale)).isFalse();

        assertThat(buy(httpA, shopper(), sale).getBody()).containsEntry("type", "urn:seckill:problem:sold-out");

        assertThat(flagsA.flagged(sale)).isTrue();
        await("B hears sale " + sale + " is sold out").atMost(Duration.ofSeconds(20)).until(() -> flagsB.flagged(sale));
        String late = shopper();
        ResponseEntity<Map> refused = buy(httpB, late, sale);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("type", "urn:seckill:problem:sold-out");

        reservations.release(new SaleId(sale), new OrderId(Long.parseLong((String) bought.getBody().get("orderId"))),
                "cancelled in test");

        await("both instances hear the restock").atMost(Duration.ofSeconds(20))
                .until(() -> !flagsA.flagged(sale) && !flagsB.flagged(sale));
        assertThat(buy(httpB, late, sale).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(reservations.remaining(new SaleId(sale))).contains(0L);
    }

    private static long openSale(long stock, int limit) {
        long sale = SALES.addAndGet(7);
        reservations.prewarm(new SaleId(sale), "Sale " + sale, stock, limit, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600), new BigDecimal("5.00"));
        return sale;
    }

    private static String shopper() {
        Map<String, String> credentials = Map.of("username", "two" + System.nanoTime(), "password", "password123");
        assertThat(httpA.postForEntity("/api/v1/auth/register", credentials, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return (String) httpB.postForEntity("/api/v1/auth/login", credentials, Map.class).getBody().get("accessToken");
    }

    private static ResponseEntity<Map> buy(TestRestTemplate http, String token, long sale) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.exchange("/api/v1/activities/" + sale + "/orders", HttpMethod.POST,
                new HttpEntity<>("{\"quantity\":1}", headers), Map.class);
    }
}
