package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerEntry;
import io.github.seckill.common.redis.LedgerState;

/**
 * The benchmark's floor ({@code POST /bench/v1/activities/{id}/orders?user=N}, on in the test profile): the
 * reserve script and the Kafka send, nothing else, on real Redis and Kafka; and off unless turned on.
 */
class MinimalPurchaseIntegrationTest extends ApiTestSupport {


    @Autowired
    ObjectMapper json;

    private ResponseEntity<Map> minimal(long sale, long user) {
        return http.exchange("/bench/v1/activities/" + sale + "/orders?user=" + user, HttpMethod.POST,
                new HttpEntity<>(new HttpHeaders()), Map.class);
    }

    @Test
    void reservesAndPublishesWithoutTokenLimitsOrKey() throws Exception {
        placedOrders();
        long sale = openSale(3, 1);

        ResponseEntity<Map> first = minimal(sale, 501);
        ResponseEntity<Map> second = minimal(sale, 502);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String orderId = (String) first.getBody().get("orderId");
        LedgerEntry entry = reservations.entry(new SaleId(sale), new OrderId(Long.parseLong(orderId))).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.RESERVED);
        assertThat(entry.userId()).isEqualTo(501);
        assertThat(reservations.remaining(new SaleId(sale))).contains(1L);
        ConsumerRecord<String, String> message = placedOrders().awaitKey(orderId, Duration.ofSeconds(20)).get(0);
        OrderPlaced order = json.readValue(message.value(), OrderPlaced.class);
        assertThat(order.activityId()).isEqualTo(sale);
        assertThat(order.userId()).isEqualTo(501);
        assertThat(order.quantity()).isEqualTo(1);
        assertThat(order.amount()).isEqualByComparingTo("9.90");
        assertThat(message.value()).isEqualTo(entry.payload());
        // two entries of payload, state, user and quantity: no Kafka position, no shopper index
        assertThat(ledgerSize(sale)).isEqualTo(8);
    }

    @Test
    void theScriptsRefusalsAreProblems() {
        long sale = openSale(2, 1);
        assertThat(minimal(sale, 601).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        assertProblem(minimal(sale, 601), HttpStatus.CONFLICT, "limit-exceeded");
        assertThat(minimal(sale, 602).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertProblem(minimal(sale, 603), HttpStatus.CONFLICT, "sold-out");
        assertProblem(minimal(sale + 1_000_000, 604), HttpStatus.NOT_FOUND, "sale-not-found");

        assertThat(reservations.remaining(new SaleId(sale))).contains(0L);
        assertThat(ledgerSize(sale)).isEqualTo(8);
    }

    @Test
    void offUnlessTurnedOn() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(MinimalPurchase.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(MinimalPurchase.class);
                    assertThat(context).doesNotHaveBean(MinimalPurchase.Endpoint.class);
                });
    }

    @Test
    void notInTheApiDescription() {
        ResponseEntity<String> description = http.getForEntity("/v3/api-docs", String.class);
        assertThat(description.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(description.getBody()).contains("/api/v1/activities/{id}/orders").doesNotContain("/bench/");
    }
}
