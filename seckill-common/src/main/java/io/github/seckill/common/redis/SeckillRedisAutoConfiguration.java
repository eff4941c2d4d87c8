package io.github.seckill.common.redis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The key prefix, the keys built on it and the sale ledger, the same in every service. A service that
 * needs another shape of {@link Reservations} (seckill-api's shopper-index retention) declares its own.
 */
@AutoConfiguration(after = RedisAutoConfiguration.class)
@EnableConfigurationProperties(RedisSettings.class)
class SeckillRedisAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RedisKeys redisKeys(RedisSettings settings) {
        return new RedisKeys(settings);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StringRedisTemplate.class)
    Reservations reservations(StringRedisTemplate redis, RedisKeys keys) {
        return new Reservations(redis, keys, Reservations.SHOPPER_INDEX);
    }

    /**
     * Scripts and callbacks get the template's connection itself, not a proxy built for each call that
     * stops them from closing it: nothing here closes it, and the proxy (a JDK proxy and a reflective call
     * per command) was a quarter of the CPU a script call cost seckill-api (docs/benchmarks.md).
     */
    @Bean
    static BeanPostProcessor redisTemplatesExposeTheirConnection() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RedisTemplate<?, ?> template) {
                    template.setExposeConnection(true);
                }
                return bean;
            }
        };
    }

    /** The ended sales' index, for the service that retires their keys (order-service). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Reservations.class)
    EndedSales endedSales(StringRedisTemplate redis, Reservations reservations) {
        return new EndedSales(redis, reservations);
    }
}
