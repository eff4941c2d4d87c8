package io.github.seckill.admin.activity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where sales live in Redis.
 *
 * @param keyPrefix first part of every key (default <code>sk</code>, shared with the services that sell)
 */
@ConfigurationProperties("seckill.redis")
record RedisSettings(@DefaultValue("sk") String keyPrefix) {

    RedisSettings {
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new IllegalArgumentException("seckill.redis.key-prefix must not be blank");
        }
    }
}
