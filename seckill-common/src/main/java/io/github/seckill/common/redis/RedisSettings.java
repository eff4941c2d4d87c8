package io.github.seckill.common.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform's data lives in Redis, the same for every service that reads or writes it.
 *
 * @param keyPrefix first part of every key and channel ({@code seckill.redis.key-prefix}, default
 *                  <code>sk</code>; tests run under a prefix of their own)
 */
@ConfigurationProperties("seckill.redis")
public record RedisSettings(@DefaultValue("sk") String keyPrefix) {

    public RedisSettings {
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new IllegalArgumentException("seckill.redis.key-prefix must not be blank");
        }
    }
}
