package io.github.seckill.order.orders;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.messaging.OrderStatusChanged;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.order.infra.TopicSettings;

/**
 * Publishes status changes on {@code seckill.order.events} after the change committed. Sends are
 * not awaited: the database is the truth, the events are notifications (a lost one is logged).
 */
@Component
public class OrderEvents {

    private static final Logger log = LoggerFactory.getLogger(OrderEvents.class);

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final TopicSettings topics;
    private final Clock clock;

    OrderEvents(KafkaTemplate<String, String> kafka, ObjectMapper json, TopicSettings topics, Clock clock) {
        this.kafka = kafka;
        this.json = json;
        this.topics = topics;
        this.clock = clock;
    }

    public void changed(OrderPlaced order, OrderStatus status, String reason) {
        changed(order.orderId(), order.activityId(), order.userId(), status, reason);
    }

    public void changed(long orderId, long activityId, long userId, OrderStatus status, String reason) {
        OrderStatusChanged event = new OrderStatusChanged(orderId, activityId, userId, status, reason,
                clock.instant());
        try {
            kafka.send(topics.orderEvents(), Long.toString(orderId), json.writeValueAsString(event))
                    .whenComplete((result, error) -> {
                        if (error != null) {
                            log.warn("event {} not published: {}", event, error.toString());
                        }
                    });
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("event {} not published: {}", event, e.toString());
        }
    }
}
