package io.github.seckill.api.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.redis.RedisKeys;
import io.github.seckill.common.redis.Reservations;

/**
 * Each purchase keeps its shopper's order index {@code seckill.retention.shopper-index} longer, so this
 * replaces the ledger seckill-common provides to the other services.
 */
@Configuration(proxyBeanMethods = false)
class ShopperLedger {

    @Bean
    Reservations reservations(StringRedisTemplate redis, RedisKeys keys, RetentionSettings retention) {
        return new Reservations(redis, keys, retention.shopperIndex());
    }
}
