package io.github.seckill.order.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderPlaced;

/**
 * Consumes {@code OrderPlaced} a poll at a time: one batch per partition in the poll (one consumer per
 * partition makes that one batch), one global transaction each, taking stock from its partition's slice
 * (ADR 18). The offsets are committed only after every order's outcome is settled (committed, refused,
 * or handed to the ladder); a crash before that replays the poll, which placement absorbs (the order id
 * is MySQL's primary key). So does a poll this throws for, an outcome it could not settle: it is handed to
 * the listener again ({@link PlacementRedelivery}). An unreadable record is skipped, acknowledged with the rest.
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

    @KafkaListener(id = "order-placement", idIsGroup = false, topics = "${seckill.topics.order-placed}", batch = "true",
            concurrency = "${seckill.placement.concurrency:${seckill.topics.partitions:6}}")
    void on(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
        Map<Integer, List<OrderPlaced>> byPartition = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                OrderPlaced order = json.readValue(record.value(), OrderPlaced.class);
                byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(order);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                log.error("unreadable OrderPlaced at {}-{}@{} skipped: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        byPartition.forEach((partition, orders) -> placement.place(orders, partition));
        ack.acknowledge();
    }
}
