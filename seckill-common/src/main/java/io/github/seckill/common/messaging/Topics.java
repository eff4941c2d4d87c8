package io.github.seckill.common.messaging;

import java.util.Arrays;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Kafka topic names (docs/design.md §7). Services read them from configuration with these as defaults. */
public final class Topics {

    /** {@link OrderPlaced}, keyed by order id. */
    public static final String ORDER_PLACED = "seckill.order.placed";
    /** {@link OrderFailed}: transient failures for the compensation ladder, keyed by order id. */
    public static final String ORDER_FAILED = "seckill.order.failed";
    /** Orders the ladder could not heal. */
    public static final String ORDER_DLQ = "seckill.order.dlq";
    /** Order status changes, keyed by order id. */
    public static final String ORDER_EVENTS = "seckill.order.events";

    private Topics() {
    }

    /**
     * The topics a service creates at start-up where they are missing (Spring Kafka's {@link KafkaAdmin} picks
     * the bean up), all with the same partitions and replicas. An existing topic is left as it is.
     */
    public static KafkaAdmin.NewTopics declare(int partitions, short replicas, String... names) {
        return new KafkaAdmin.NewTopics(Arrays.stream(names)
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }
}
