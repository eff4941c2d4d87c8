package io.github.seckill.api.limits;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;

/** Bucket4j's buckets in Redis, on a connection of their own from Spring's Lettuce client. */
@Configuration(proxyBeanMethods = false)
class LimiterConfig {

    @Bean
    AsyncProxyManager<byte[]> buckets(LettuceConnectionFactory redis,
            org.springframework.boot.autoconfigure.data.redis.RedisProperties properties) {
        AbstractRedisClient client = redis.getRequiredNativeClient();
        var builder = client instanceof RedisClusterClient cluster ? Bucket4jLettuce.casBasedBuilder(cluster)
                : Bucket4jLettuce.casBasedBuilder((RedisClient) client);
        Duration timeout = properties.getTimeout() == null ? Duration.ofSeconds(1) : properties.getTimeout();
        // A bucket's key lives only until it would be full again: idle shoppers leave nothing behind.
        return builder.expirationAfterWrite(ExpirationAfterWriteStrategy
                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(timeout)
                .build().asAsync();
    }
}
