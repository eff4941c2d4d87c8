package io.github.seckill.compensation.infra;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics this service owns or reads: failed orders, the DLQ, orders placed. */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    @Bean
    NewTopic orderFailedTopic(TopicSettings topics) {
        return TopicBuilder.name(topics.orderFailed()).partitions(topics.partitions()).replicas(topics.replicas())
                .build();
    }

    @Bean
    NewTopic orderDlqTopic(TopicSettings topics) {
        return TopicBuilder.name(topics.orderDlq()).partitions(topics.partitions()).replicas(topics.replicas())
                .build();
    }

    @Bean
    NewTopic orderPlacedTopic(TopicSettings topics) {
        return TopicBuilder.name(topics.orderPlaced()).partitions(topics.partitions()).replicas(topics.replicas())
                .build();
    }
}
