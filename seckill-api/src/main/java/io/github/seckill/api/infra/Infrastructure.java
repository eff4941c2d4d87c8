package io.github.seckill.api.infra;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.TopicBuilder;

import io.github.seckill.common.redis.RedisKeys;
import io.github.seckill.common.redis.Reservations;

/** Redis scripts and Kafka topics. */
@Configuration(proxyBeanMethods = false)
class Infrastructure {

    /**
     * Each purchase keeps its shopper's order index {@code seckill.retention.shopper-index} longer, so this
     * replaces the ledger seckill-common provides to the other services.
     */
    @Bean
    Reservations reservations(StringRedisTemplate redis, RedisKeys keys, RetentionSettings retention) {
        return new Reservations(redis, keys, retention.shopperIndex());
    }

    @Bean
    NewTopic orderPlacedTopic(TopicSettings topics) {
        return TopicBuilder.name(topics.orderPlaced()).partitions(topics.partitions()).replicas(topics.replicas())
                .build();
    }
}
