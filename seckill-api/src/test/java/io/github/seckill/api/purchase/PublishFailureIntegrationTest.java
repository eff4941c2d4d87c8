package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.testsupport.Endpoint;

/**
 * Kafka is down for the producer (nothing listens where it sends): the reservation is released and
 * the shopper hears 503 with Retry-After.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "seckill.purchase.send-timeout=3s" })
class PublishFailureIntegrationTest extends ApiTestSupport {

    @DynamicPropertySource
    static void kafkaDown(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.producer.bootstrap-servers", () -> "127.0.0.1:" + Endpoint.freePort());
    }

    @Test
    void failedSendReleasesTheReservationAndAnswers503() {
        long sale = openSale(5, 2);
        String token = shopper();

        ResponseEntity<Map> response = buy(token, sale, "{\"quantity\":2}");

        assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(reservations.remaining(sale)).contains(5L);
        String ledger = reservations.keys(sale).ledger();
        String orderId = redis.opsForHash().keys(ledger).stream().map(Object::toString)
                .filter(k -> k.matches("\\d+")).findFirst().orElseThrow();
        var entry = reservations.entry(sale, Long.parseLong(orderId)).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.RELEASED);
        assertThat(entry.reason()).isEqualTo("publish failed");
        assertThat(reservations.bought(sale, entry.userId())).isZero();
    }
}
