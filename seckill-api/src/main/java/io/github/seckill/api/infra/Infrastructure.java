package io.github.seckill.api.infra;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.TopicBuilder;

import io.github.seckill.common.redis.Reservations;

/** Redis scripts and Kafka topics. */
@Configuration(proxyBeanMethods = false)
class Infrastructure {

    /** Each purchase keeps its shopper's order index {@code seckill.retention.shopper-index} longer. */
    @Bean
    Reservations reservations(StringRedisTemplate redis, @Value("${seckill.redis.key-prefix:sk}") String prefix,
            RetentionSettings retention) {
        return new Reservations(redis, prefix, retention.shopperIndex());
    }

    @Bean
    NewTopic orderPlacedTopic(TopicSettings topics) {
        return TopicBuilder.name(topics.orderPlaced()).partitions(topics.partitions()).replicas(topics.replicas())
                .build();
    }
}
