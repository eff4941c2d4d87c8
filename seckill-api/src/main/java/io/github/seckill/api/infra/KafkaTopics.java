package io.github.seckill.api.infra;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic purchases are sent to. */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    @Bean
    NewTopic orderPlacedTopic(TopicSettings topics) {
        return TopicBuilder.name(topics.orderPlaced()).partitions(topics.partitions()).replicas(topics.replicas())
                .build();
    }
}
