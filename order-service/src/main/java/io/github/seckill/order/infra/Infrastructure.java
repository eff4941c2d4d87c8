package io.github.seckill.order.infra;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.TopicBuilder;

import io.github.seckill.common.redis.EndedSales;
import io.github.seckill.common.redis.Reservations;

/** Redis scripts and Kafka topics. */
@Configuration(proxyBeanMethods = false)
class Infrastructure {

    @Bean
    EndedSales endedSales(StringRedisTemplate redis, Reservations reservations) {
        return new EndedSales(redis, reservations);
    }

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

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
