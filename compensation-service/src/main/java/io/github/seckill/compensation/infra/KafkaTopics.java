package io.github.seckill.compensation.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import io.github.seckill.common.messaging.Topics;

/** The topics this service owns or reads: failed orders, the DLQ, orders placed. */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    @Bean
    KafkaAdmin.NewTopics topics(TopicSettings topics) {
        return Topics.declare(topics.partitions(), topics.replicas(),
                topics.orderFailed(), topics.orderDlq(), topics.orderPlaced());
    }
}
