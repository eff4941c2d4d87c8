package io.github.seckill.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.testsupport.KafkaProbe;
import io.github.seckill.testsupport.TestServers;

/**
 * Shared set-up of the shopper API's integration tests: real MariaDB, Redis and Kafka. Subclasses that
 * keep these settings share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestSupport {

    private static final AtomicLong SALES = new AtomicLong(System.currentTimeMillis() % 100_000 * 10);
    private static final AtomicLong USERS = new AtomicLong();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.registerDatabase(registry, "seckill_api");
        TestServers.registerRedis(registry);
        TestServers.registerKafka(registry);
    }

    private static KafkaProbe placedOrders;

    @BeforeAll
    static void brokerFirst() {
        TestServers.kafka();
    }

    @AfterAll
    static void stopListening() {
        if (placedOrders != null) {
            placedOrders.close();
            placedOrders = null;
        }
    }

    /** The {@code OrderPlaced} messages, listened to from the first call on (the application creates the topic). */
    protected static KafkaProbe placedOrders() {
        if (placedOrders == null) {
            placedOrders = new KafkaProbe(TestServers.topic("seckill.order.placed"));
        }
        return placedOrders;
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected Reservations reservations;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected JwtDecoder jwtDecoder;

    protected long openSale(long stock, int limit) {
        long sale = SALES.incrementAndGet();
        reservations.prewarm(new SaleId(sale), "Sale " + sale, stock, limit, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600), new BigDecimal("9.90"));
        return sale;
    }

    /** Registers a new shopper and returns a bearer token. */
    protected String shopper() {
        String name = "shopper" + USERS.incrementAndGet() + TestServers.RUN;
        Map<String, String> credentials = Map.of("username", name, "password", "password123");
        assertThat(http.postForEntity("/api/v1/auth/register", credentials, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> login = http.postForEntity("/api/v1/auth/login", credentials, Map.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (String) login.getBody().get("accessToken");
    }

    protected ResponseEntity<Map> buy(String token, Object sale, String body) {
        return buy(token, sale, body, null);
    }

    protected ResponseEntity<Map> buy(String token, Object sale, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/v1/activities/" + sale + "/orders", HttpMethod.POST,
                new HttpEntity<>(body, headers), Map.class);
    }

    protected ResponseEntity<Map> post(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(headers), Map.class);
    }

    /** The shopper's user id, from the token's subject. */
    protected long userOf(String token) {
        return Long.parseLong(jwtDecoder.decode(token).getSubject());
    }

    protected ResponseEntity<Map> get(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    /** Asserts an RFC 9457 problem with this status and type. */
    protected static void assertProblem(ResponseEntity<Map> response, HttpStatus status, String type) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        assertThat(response.getBody()).containsEntry("status", status.value())
                .containsEntry("type", "urn:seckill:problem:" + type);
        assertThat(response.getBody().get("detail")).asString().isNotBlank();
    }

    protected long ledgerSize(long sale) {
        return redis.opsForHash().size(reservations.keys(new SaleId(sale)).ledger());
    }
}
