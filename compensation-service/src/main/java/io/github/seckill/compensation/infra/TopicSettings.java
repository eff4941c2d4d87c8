package io.github.seckill.compensation.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.github.seckill.common.messaging.Topics;

/**
 * Kafka topics this service reads and writes.
 *
 * @param partitions partitions of the topics when this service creates them
 */
@ConfigurationProperties("seckill.topics")
public record TopicSettings(@DefaultValue(Topics.ORDER_PLACED) String orderPlaced,
        @DefaultValue(Topics.ORDER_FAILED) String orderFailed, @DefaultValue(Topics.ORDER_DLQ) String orderDlq,
        @DefaultValue("6") int partitions, @DefaultValue("1") short replicas) {
}
