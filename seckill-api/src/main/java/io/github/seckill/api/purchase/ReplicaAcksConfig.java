package io.github.seckill.api.purchase;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.seckill.common.redis.RedisKeys;
import io.github.seckill.common.redis.ReplicaAcks;

/** The replicas' acknowledgement a 202 waits for, off unless {@code seckill.purchase.replica-acks} asks. */
@Configuration(proxyBeanMethods = false)
class ReplicaAcksConfig {

    @Bean(destroyMethod = "close")
    ReplicaAcks replicaAcks(LettuceConnectionFactory redis, RedisKeys keys, PurchaseSettings settings) {
        return ReplicaAcks.of(redis, keys, settings.replicaAcks(), settings.replicaAckTimeout());
    }
}
