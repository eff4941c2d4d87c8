package io.github.seckill.api.ratelimit;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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
        Duration timeout = properties.getTimeout() == null ? Duration.ofSeconds(1) : properties.getTimeout();
        // The builder connects at once, within the short command timeout; on a busy start that can
        // miss, so the connection is tried a few times before the service gives up.
        Retry startup = Retry.of("bucket4j-connect", RetryConfig.custom().maxAttempts(10)
                .waitDuration(Duration.ofSeconds(1)).build());
        // A bucket's key lives only until it would be full again: idle shoppers leave nothing behind.
        return startup.executeSupplier(() -> (client instanceof RedisClusterClient cluster
                ? Bucket4jLettuce.casBasedBuilder(cluster) : Bucket4jLettuce.casBasedBuilder((RedisClient) client))
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(timeout)
                .build().asAsync());
    }
}
