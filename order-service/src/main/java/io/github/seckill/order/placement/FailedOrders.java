package io.github.seckill.order.placement;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderFailed;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.order.infra.TopicSettings;

/** Hands transient failures to the compensation ladder ({@code seckill.order.failed}). */
@Component
class FailedOrders {

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final TopicSettings topics;
    private final Clock clock;

    FailedOrders(KafkaTemplate<String, String> kafka, ObjectMapper json, TopicSettings topics, Clock clock) {
        this.kafka = kafka;
        this.json = json;
        this.topics = topics;
        this.clock = clock;
    }

    /**
     * Waits for the ack; throws if Kafka did not take it, so the listener fails its poll and
     * {@link PlacementRedelivery} redelivers it.
     */
    void publish(OrderPlaced order, Throwable cause) {
        OrderFailed failed = new OrderFailed(order, String.valueOf(cause.getMessage()), cause.getClass().getName(),
                clock.instant());
        try {
            kafka.send(topics.orderFailed(), Long.toString(order.orderId()), json.writeValueAsString(failed))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing " + failed, e);
        } catch (ExecutionException | TimeoutException | JsonProcessingException e) {
            throw new IllegalStateException("could not publish " + failed, e);
        }
    }
}
