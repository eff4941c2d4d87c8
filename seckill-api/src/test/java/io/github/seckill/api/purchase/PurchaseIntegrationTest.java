package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.KafkaPosition;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.testsupport.TestServers;

/** The purchase path against real Redis, Kafka and MariaDB. */

class PurchaseIntegrationTest extends ApiTestSupport {


    @Autowired
    ObjectMapper json;
    @Autowired
    JwtEncoder jwt;
    @Autowired
    MeterRegistry meters;
    @Autowired
    BulkheadRegistry bulkheads;

    private List<ConsumerRecord<String, String>> messagesFor(long sale) throws Exception {
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        for (ConsumerRecord<String, String> r : placedOrders().received()) {
            if (json.readValue(r.value(), OrderPlaced.class).activityId() == sale) {
                mine.add(r);
            }
        }
        return mine;
    }

    @Test
    void purchaseReservesInRedisPublishesAndAnswersAccepted() throws Exception {
        placedOrders();
        long sale = openSale(5, 2);
        String token = shopper();

        ResponseEntity<Map> response = buy(token, sale, "{\"quantity\":2}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String orderId = (String) response.getBody().get("orderId");
        assertThat(response.getBody()).containsEntry("status", "PENDING");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/orders/" + orderId);
        assertThat(reservations.remaining(new SaleId(sale))).contains(3L);
        assertThat(reservations.entry(new SaleId(sale), new OrderId(Long.parseLong(orderId))).orElseThrow().state())
                .isEqualTo(LedgerState.RESERVED);

        ConsumerRecord<String, String> message = placedOrders().awaitKey(orderId, Duration.ofSeconds(20)).get(0);
        OrderPlaced order = json.readValue(message.value(), OrderPlaced.class);
        assertThat(order.activityId()).isEqualTo(sale);
        assertThat(order.quantity()).isEqualTo(2);
        assertThat(order.amount()).isEqualByComparingTo("19.80");
        assertThat(message.value()).isEqualTo(reservations.entry(new SaleId(sale),
                new OrderId(order.orderId())).orElseThrow().payload());
        assertThat(reservations.entry(new SaleId(sale),
                new OrderId(order.orderId())).orElseThrow().sent()).as("the sweeper's sign: Kafka has it")
                .isEqualTo(new KafkaPosition(message.partition(), message.offset()));

        ResponseEntity<Map> status = get(token, "/api/v1/orders/" + orderId);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status.getBody()).containsEntry("orderId", orderId).containsEntry("status", "PENDING")
                .containsEntry("amount", "19.80").containsEntry("quantity", 2);
        assertProblem(get(shopper(), "/api/v1/orders/" + orderId), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void secondPurchaseOverTheLimitIsRefused() {
        long sale = openSale(5, 1);
        String token = shopper();
        assertThat(buy(token, sale, "{\"quantity\":1}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        assertProblem(buy(token, sale, "{\"quantity\":1}"), HttpStatus.CONFLICT, "limit-exceeded");

        assertThat(reservations.remaining(new SaleId(sale))).contains(4L);
        assertThat(ledgerSize(sale)).isEqualTo(5); // one entry: payload, state, user, quantity, Kafka position
    }

    @Test
    void tenBuyersForThreeUnitsGetExactlyThreeOrders() throws Exception {
        long sale = openSale(3, 1);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(shopper());
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<ResponseEntity<Map>>> answers = new ArrayList<>();
        for (String token : tokens) {
            answers.add(pool.submit((Callable<ResponseEntity<Map>>) () -> buy(token, sale, "{\"quantity\":1}")));
        }
        List<ResponseEntity<Map>> responses = new ArrayList<>();
        for (Future<ResponseEntity<Map>> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        assertThat(responses).filteredOn(r -> r.getStatusCode() == HttpStatus.ACCEPTED).hasSize(3);
        List<ResponseEntity<Map>> refused = responses.stream()
                .filter(r -> r.getStatusCode() != HttpStatus.ACCEPTED).toList();
        assertThat(refused).hasSize(7);
        refused.forEach(r -> assertProblem(r, HttpStatus.CONFLICT, "sold-out"));
        assertThat(reservations.remaining(new SaleId(sale))).contains(0L);
        assertThat(redis.opsForZSet().size(reservations.keys(new SaleId(sale)).pending())).isEqualTo(3);
    }

    @Test
    void badInputIsAProblemAndWritesNothing() throws Exception {
        placedOrders();
        long sale = openSale(5, 2);
        String token = shopper();

        assertProblem(buy(token, sale, ""), HttpStatus.BAD_REQUEST, "malformed-request");
        assertProblem(buy(token, sale, "{\"quantity\":\"many\"}"), HttpStatus.BAD_REQUEST, "malformed-request");
        ResponseEntity<Map> missing = buy(token, sale, "{}");
        assertProblem(missing, HttpStatus.BAD_REQUEST, "validation");
        assertThat(missing.getBody().get("errors").toString()).contains("quantity");
        assertProblem(buy(token, sale, "{\"quantity\":0}"), HttpStatus.BAD_REQUEST, "validation");
        assertProblem(buy(token, sale, "{\"quantity\":3}"), HttpStatus.CONFLICT, "limit-exceeded");
        assertProblem(buy(token, "abc", "{\"quantity\":1}"), HttpStatus.BAD_REQUEST, "validation");
        assertProblem(buy(token, sale + 1_000_000, "{\"quantity\":1}"), HttpStatus.NOT_FOUND, "sale-not-found");
        assertProblem(buy(null, sale, "{\"quantity\":1}"), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(buy(expiredToken(), sale, "{\"quantity\":1}"), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(buy("not.a.jwt", sale, "{\"quantity\":1}"), HttpStatus.UNAUTHORIZED, "unauthorized");

        assertThat(reservations.remaining(new SaleId(sale))).contains(5L);
        assertThat(ledgerSize(sale)).isZero();
        assertThat(messagesFor(sale)).isEmpty();
    }

    @Test
    void saleWindowIsEnforced() {
        long early = openSale(5, 2);
        Instant start = Instant.now().plusSeconds(3600);
        reservations.prewarm(new SaleId(early), "Sale", 5, 2, start, start.plusSeconds(3600), new BigDecimal("9.90"));
        long over = openSale(5, 2);
        reservations.prewarm(new SaleId(over), "Sale", 5, 2, Instant.now().minusSeconds(60),
                Instant.now().minusSeconds(1), new BigDecimal("9.90"));
        String token = shopper();

        ResponseEntity<Map> tooEarly = buy(token, early, "{\"quantity\":1}");
        assertProblem(tooEarly, HttpStatus.TOO_EARLY, "sale-not-started");
        assertThat(tooEarly.getBody()).containsKey("startAt");
        assertThat(Long.parseLong(tooEarly.getHeaders().getFirst("Retry-After"))).isBetween(3500L, 3600L);

        assertProblem(buy(token, over, "{\"quantity\":1}"), HttpStatus.GONE, "sale-ended");
        reservations.close(new SaleId(early));
        assertThat(reservations.remaining(new SaleId(early))).contains(5L);
        assertThat(reservations.remaining(new SaleId(over))).contains(5L);
    }

    @Test
    void closedSaleIsGone() {
        long sale = openSale(5, 2);
        reservations.close(new SaleId(sale));
        assertProblem(buy(shopper(), sale, "{\"quantity\":1}"), HttpStatus.GONE, "sale-ended");
        assertThat(ledgerSize(sale)).isZero();
    }

    @Test
    void soldOutSaleIsRefusedFromMemoryOnceRedisSaidSo() {
        long sale = openSale(1, 1);
        // shoppers first: their sign-ups (two password hashes each) must not outlast the flag's 5 s
        String first = shopper();
        String second = shopper();
        String third = shopper();
        assertThat(buy(first, sale, "{\"quantity\":1}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertProblem(buy(second, sale, "{\"quantity\":1}"), HttpStatus.CONFLICT, "sold-out");
        double before = meters.counter("seckill.soldout.flag.hits").count();

        assertProblem(buy(third, sale, "{\"quantity\":1}"), HttpStatus.CONFLICT, "sold-out");

        assertThat(meters.counter("seckill.soldout.flag.hits").count()).isEqualTo(before + 1);
    }

    @Test
    void refusalFromTheSoldOutFlagTakesNoRateLimitToken() {
        long sale = openSale(1, 1);
        String first = shopper();
        String second = shopper();
        String late = shopper(); // before the flag is set: its 5 s must not run out while shoppers sign up
        assertThat(buy(first, sale, "{\"quantity\":1}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertProblem(buy(second, sale, "{\"quantity\":1}"), HttpStatus.CONFLICT, "sold-out");
        String bucket = TestServers.redisPrefix() + ":{u" + userOf(late) + "}:bucket";
        long ledger = ledgerSize(sale);

        assertProblem(buy(late, sale, "{\"quantity\":1}"), HttpStatus.CONFLICT, "sold-out");

        assertThat(redis.hasKey(bucket)).as("the shopper's bucket, untouched").isFalse();
        assertThat(ledgerSize(sale)).isEqualTo(ledger);
    }

    @Test
    void aPurchaseBeyondTheOnesUnderWayIsRefusedAtOnceAndTakesNothing() {
        long sale = openSale(5, 1);
        Bulkhead underWay = bulkheads.bulkhead("purchases");
        int room = underWay.getMetrics().getAvailableConcurrentCalls();
        assertThat(room).isEqualTo(underWay.getBulkheadConfig().getMaxConcurrentCalls());
        for (int i = 0; i < room; i++) {
            assertThat(underWay.tryAcquirePermission()).isTrue(); // as many purchases as allowed, still running
        }
        String shopper = shopper();
        ResponseEntity<Map> refused;
        try {
            refused = buy(shopper, sale, "{\"quantity\":1}");
        } finally {
            for (int i = 0; i < room; i++) {
                underWay.onComplete();
            }
        }

        assertProblem(refused, HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(ledgerSize(sale)).isZero();
        assertThat(redis.hasKey(TestServers.redisPrefix() + ":{u" + userOf(shopper) + "}:bucket"))
                .as("no rate-limit token taken").isFalse();
        assertThat(meters.counter("seckill.purchase.requests", "outcome", "overloaded").count()).isPositive();
        assertThat(buy(shopper, sale, "{\"quantity\":1}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    private String expiredToken() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("seckill").audience(List.of("seckill-api")).subject("1")
                .issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(15))).build();
        return jwt.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
