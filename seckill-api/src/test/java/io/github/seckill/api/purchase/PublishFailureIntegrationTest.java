package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.api.infra.Breakers;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.testsupport.Endpoint;

/**
 * Kafka is down for the producer (nothing listens where it sends): the reservation is released and
 * the shopper hears 503 with Retry-After, unless order-service already holds it (then it is an order);
 * once the breaker opens, 503 comes at once and nothing is reserved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.interceptor.classes="
                + "io.github.seckill.api.purchase.PublishFailureIntegrationTest$TakenOnSend",
        "seckill.purchase.send-timeout=3s",
        "resilience4j.circuitbreaker.instances.kafka.minimum-number-of-calls=3",
        "resilience4j.circuitbreaker.instances.kafka.sliding-window-size=3",
        "resilience4j.circuitbreaker.instances.kafka.wait-duration-in-open-state=10m" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishFailureIntegrationTest extends ApiTestSupport {

    @Autowired
    Breakers breakers;

    /** Stands in for order-service taking an order whose send will still fail: called as the send starts. */
    public static class TakenOnSend implements ProducerInterceptor<String, String> {

        static volatile Consumer<String> taker = orderId -> { };

        @Override
        public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
            taker.accept(record.key());
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    @DynamicPropertySource
    static void kafkaDown(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.producer.bootstrap-servers", () -> "127.0.0.1:" + Endpoint.freePort());
    }

    @Test
    @Order(1)
    void failedSendReleasesTheReservationAndAnswers503() {
        long sale = openSale(5, 2);
        String token = shopper();

        ResponseEntity<Map> response = buy(token, sale, "{\"quantity\":2}");

        assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(reservations.remaining(new SaleId(sale))).contains(5L);
        String ledger = reservations.keys(new SaleId(sale)).ledger();
        String orderId = redis.opsForHash().keys(ledger).stream().map(Object::toString)
                .filter(k -> k.matches("\\d+")).findFirst().orElseThrow();
        var entry = reservations.entry(new SaleId(sale), new OrderId(Long.parseLong(orderId))).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.RELEASED);
        assertThat(entry.reason()).isEqualTo("publish failed");
        assertThat(reservations.bought(new SaleId(sale), new UserId(entry.userId()))).isZero();
        assertThat(get(token, "/api/v1/orders/" + orderId).getBody()).containsEntry("status", "FAILED")
                .containsEntry("reason", "publish failed");
    }

    @Test
    @Order(1)
    void aReservationOrderServiceAlreadyHoldsStandsAsAnOrder() {
        long sale = openSale(5, 2);
        String token = shopper();
        // the message reached order-service although the send reports a failure (a lost ack): its
        // transaction holds the reservation before the API gives up on Kafka
        TakenOnSend.taker = orderId -> reservations.tryHold(new SaleId(sale), new OrderId(Long.parseLong(orderId)),
                "10.0.0.1:8091:1");
        ResponseEntity<Map> response;
        try {
            response = buy(token, sale, "{\"quantity\":1}");
        } finally {
            TakenOnSend.taker = orderId -> { };
        }

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long orderId = Long.parseLong((String) response.getBody().get("orderId"));
        assertThat(reservations.entry(new SaleId(sale),
                new OrderId(orderId)).orElseThrow().state()).isEqualTo(LedgerState.TRYING);
        assertThat(reservations.remaining(new SaleId(sale))).contains(4L);
    }

    @Test
    @Order(2)
    void openBreakerAnswers503AtOnceWithoutReserving() {
        long sale = openSale(5, 5);
        String token = shopper();
        await("the kafka breaker opens").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).until(() -> {
            buy(token, sale, "{\"quantity\":1}");
            return breakers.kafka().getState() == CircuitBreaker.State.OPEN;
        });
        long entries = ledgerSize(sale);

        ResponseEntity<Map> response = buy(token, sale, "{\"quantity\":1}");

        assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
        assertThat(response.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(ledgerSize(sale)).isEqualTo(entries);
        assertThat(reservations.remaining(new SaleId(sale))).contains(5L);
    }
}
