package io.github.seckill.order.placement;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderPlaced;

/**
 * Consumes {@code OrderPlaced}. The offset is committed after the placement's outcome is settled
 * (committed, refused, or handed to the ladder); a crash before that replays the order, which the
 * placement absorbs (the order id is MySQL's primary key).
 */
@Component
class OrderPlacedListener {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

    private final Placement placement;
    private final ObjectMapper json;

    OrderPlacedListener(Placement placement, ObjectMapper json) {
        this.placement = placement;
        this.json = json;
    }

    @KafkaListener(id = "order-placement", topics = "${seckill.topics.order-placed}",
            concurrency = "${seckill.placement.concurrency:3}")
    void on(ConsumerRecord<String, String> record) {
        OrderPlaced order;
        try {
            order = json.readValue(record.value(), OrderPlaced.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.error("unreadable OrderPlaced at {}-{}@{} skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        placement.place(order);
    }
}
