package io.github.seckill.api.purchase;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.api.catalogue.Catalogue;
import io.github.seckill.api.infra.TopicSettings;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.Reservation;
import io.github.seckill.common.redis.ReserveOutcome;
import io.github.seckill.common.redis.Reservations;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The stores' own floor, for the purchase benchmark ({@code loadtest/purchase-vs-bare}): what a purchase
 * costs when it does nothing but the reserve script and {@code OrderPlaced} with the wait for Kafka's ack.
 * No security, rate limits, idempotency, breakers or sold-out flag. Off unless
 * {@code seckill.bench.minimal-purchase=true}; nothing but the benchmark and the tests turn it on, and it
 * is not in the API description. Its orders are real: they reach order-service like any other.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "seckill.bench.minimal-purchase", havingValue = "true")
class MinimalPurchase {

    static final String PATH = "/bench/v1/activities/{id}/orders";

    /** The endpoint takes the shopper from the query: no token, as on the floor there is no security. */
    @Bean
    WebSecurityCustomizer minimalPurchaseUnsecured() {
        return web -> web.ignoring().requestMatchers("/bench/**");
    }

    @Hidden
    @RestController
    @ConditionalOnProperty(name = "seckill.bench.minimal-purchase", havingValue = "true")
    static class Endpoint {

        private final Reservations reservations;
        private final Catalogue catalogue;
        private final KafkaTemplate<String, String> kafka;
        private final TopicSettings topics;
        private final PurchaseSettings settings;
        private final NodeLease nodes;
        private final ObjectMapper json;
        private final Clock clock;

        Endpoint(Reservations reservations, Catalogue catalogue, KafkaTemplate<String, String> kafka,
                TopicSettings topics, PurchaseSettings settings, NodeLease nodes, ObjectMapper json, Clock clock) {
            this.reservations = reservations;
            this.catalogue = catalogue;
            this.kafka = kafka;
            this.topics = topics;
            this.settings = settings;
            this.nodes = nodes;
            this.json = json;
            this.clock = clock;
        }

        @PostMapping(PATH)
        ResponseEntity<Map<String, String>> buy(@PathVariable("id") long activityId, @RequestParam("user") long user)
                throws JsonProcessingException {
            Instant now = clock.instant();
            var terms = catalogue.terms(activityId).orElseThrow(() -> Refusals.notFound(activityId));
            SaleId sale = new SaleId(activityId);
            OrderId order = new OrderId(nodes.nextId());
            String payload = json.writeValueAsString(
                    OrderPlaced.of(order.value(), activityId, user, 1, terms.price(), now));
            Reservation reservation = reservations.reserve(sale, order, new UserId(user), 1, payload);
            if (!reservation.reserved()) {
                throw Refusals.of(reservation.outcome(), activityId, terms.startAt(), now);
            }
            try {
                kafka.send(topics.orderPlaced(), order.toString(), payload)
                        .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unsent(sale, order);
            } catch (ExecutionException | TimeoutException e) {
                return unsent(sale, order);
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("orderId", order.toString()));
        }

        private ResponseEntity<Map<String, String>> unsent(SaleId sale, OrderId order) {
            reservations.withdraw(sale, order, "bench publish failed");
            throw Refusals.unavailable(settings.retryAfter());
        }
    }
}
