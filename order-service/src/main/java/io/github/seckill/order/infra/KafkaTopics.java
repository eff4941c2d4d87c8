package io.github.seckill.order.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import io.github.seckill.common.messaging.Topics;

/** The topics this service writes: orders placed (it reads them too), failed orders, status events. */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    @Bean
    KafkaAdmin.NewTopics topics(TopicSettings topics) {
        return Topics.declare(topics.partitions(), topics.replicas(),
                topics.orderPlaced(), topics.orderFailed(), topics.orderEvents());
    }
}
