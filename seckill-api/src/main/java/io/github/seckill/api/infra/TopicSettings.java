package io.github.seckill.api.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.github.seckill.common.messaging.Topics;

/**
 * Kafka topics this service writes.
 *
 * @param orderPlaced where {@code OrderPlaced} goes
 * @param partitions  partitions of the topic when this service creates it
 */
@ConfigurationProperties("seckill.topics")
public record TopicSettings(@DefaultValue(Topics.ORDER_PLACED) String orderPlaced,
        @DefaultValue("6") int partitions, @DefaultValue("1") short replicas) {
}
