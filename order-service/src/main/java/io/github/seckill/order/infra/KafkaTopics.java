package io.github.seckill.order.infra;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics this service writes: orders placed (it reads them too), failed orders, status events. */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    @Bean
    NewTopic orderPlacedTopic(TopicSettings topics) {
        return TopicBuilder.name(topics.orderPlaced()).partitions(topics.partitions()).replicas(topics.replicas())
                .build();
    }

    @Bean
    NewTopic orderFailedTopic(TopicSettings topics) {
        return TopicBuilder.name(topics.orderFailed()).partitions(topics.partitions()).replicas(topics.replicas())
                .build();
    }

    @Bean
    NewTopic orderEventsTopic(TopicSettings topics) {
        return TopicBuilder.name(topics.orderEvents()).partitions(topics.partitions()).replicas(topics.replicas())
                .build();
    }
}
