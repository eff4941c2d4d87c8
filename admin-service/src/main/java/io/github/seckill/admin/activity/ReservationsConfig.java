package io.github.seckill.admin.activity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.redis.Reservations;

@Configuration(proxyBeanMethods = false)
class ReservationsConfig {

    @Bean
    Reservations reservations(StringRedisTemplate redis, RedisSettings settings) {
        return new Reservations(redis, settings.keyPrefix());
    }
}
