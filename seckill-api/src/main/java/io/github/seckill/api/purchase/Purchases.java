package io.github.seckill.api.purchase;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.api.infra.TopicSettings;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderIds;
import io.github.seckill.common.redis.ReleaseOutcome;
import io.github.seckill.common.redis.Reservation;
import io.github.seckill.common.redis.ReserveOutcome;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.SaleTerms;

/**
 * The purchase path (DESIGN.md §3): one atomic reserve in Redis, then {@code OrderPlaced} to Kafka
 * with a bounded wait for the ack. A reservation is never left without either an acked message or
 * a release: if the send fails, the reservation is released before the shopper hears 503.
 */
@Service
class Purchases {

    private static final Logger log = LoggerFactory.getLogger(Purchases.class);

    private final Reservations reservations;
    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final TopicSettings topics;
    private final PurchaseSettings settings;
    private final PurchaseMetrics metrics;
    private final OrderIds ids;
    private final Clock clock;

    Purchases(Reservations reservations, KafkaTemplate<String, String> kafka, ObjectMapper json, TopicSettings topics,
            PurchaseSettings settings, PurchaseMetrics metrics, Clock clock) {
        this.reservations = reservations;
        this.kafka = kafka;
        this.json = json;
        this.topics = topics;
        this.settings = settings;
        this.metrics = metrics;
        this.ids = new OrderIds(settings.nodeId());
        this.clock = clock;
    }

    /** Returns the new order's id, or throws the problem that tells the shopper why not. */
    long buy(long activityId, long userId, int quantity) {
        return metrics.time(() -> {
            SaleTerms terms = reservations.terms(activityId).orElseThrow(() -> {
                metrics.refused(ReserveOutcome.NOT_PREWARMED);
                return Refusals.notFound(activityId);
            });
            Instant now = clock.instant();
            OrderPlaced order = OrderPlaced.of(ids.next(), activityId, userId, quantity, terms.price(), now);
            String payload = toJson(order);
            Reservation reservation = reservations.reserve(activityId, order.orderId(), userId, quantity, payload);
            if (!reservation.reserved()) {
                metrics.refused(reservation.outcome());
                throw Refusals.of(reservation.outcome(), activityId, terms.startAt(), now);
            }
            publish(order, payload);
            metrics.accepted();
            return order.orderId();
        });
    }

    private void publish(OrderPlaced order, String payload) {
        String key = Long.toString(order.orderId());
        try {
            reservations.index(order.userId(), order.orderId(), order.activityId());
            kafka.send(topics.orderPlaced(), key, payload)
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw releaseAfter(order, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw releaseAfter(order, e);
        }
    }

    private RuntimeException releaseAfter(OrderPlaced order, Exception cause) {
        log.warn("order {} not published, releasing its reservation: {}", order.orderId(), cause.toString());
        metrics.unavailable();
        try {
            ReleaseOutcome released = reservations.release(order.activityId(), order.orderId(), "publish failed");
            log.info("order {} reservation release: {}", order.orderId(), released);
        } catch (RuntimeException e) {
            // Redis is failing too: the ledger still holds the entry and the sweeper settles it.
            log.error("order {} could not be released now; the reservation sweeper will", order.orderId(), e);
        }
        return Refusals.unavailable(settings.retryAfter());
    }

    private String toJson(OrderPlaced order) {
        try {
            return json.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + order, e);
        }
    }
}
