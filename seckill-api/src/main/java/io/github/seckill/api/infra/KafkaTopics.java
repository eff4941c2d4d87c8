package io.github.seckill.api.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import io.github.seckill.common.messaging.Topics;

/** The topic purchases are sent to. */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    @Bean
    KafkaAdmin.NewTopics topics(TopicSettings topics) {
        return Topics.declare(topics.partitions(), topics.replicas(), topics.orderPlaced());
    }
}
