package io.github.seckill.api.purchase;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.seckill.common.redis.ReplicaAcks;

/** The replicas' acknowledgement a 202 waits for, off unless {@code seckill.purchase.replica-acks} asks. */
@Configuration(proxyBeanMethods = false)
class ReplicaAcksConfig {

    @Bean(destroyMethod = "close")
    ReplicaAcks replicaAcks(LettuceConnectionFactory redis, @Value("${seckill.redis.key-prefix:sk}") String prefix,
            PurchaseSettings settings) {
        return ReplicaAcks.of(redis, prefix, settings.replicaAcks(), settings.replicaAckTimeout());
    }
}
