package io.github.seckill.api.purchase;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import io.github.seckill.common.redis.NodeKeys;
import io.github.seckill.common.redis.RedisKeys;

/**
 * Keeps the sold-out flags of all instances in step over Redis pub/sub: an instance that finds a sale
 * sold out announces it; {@code release.lua} (and order-service's compensations) announce restocks.
 */
@Configuration(proxyBeanMethods = false)
class SaleAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(SaleAnnouncements.class);

    private final StringRedisTemplate redis;
    private final String soldOut;

    SaleAnnouncements(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.soldOut = keys.shared().soldOutChannel();
    }

    @Bean
    RedisMessageListenerContainer saleListeners(RedisConnectionFactory connections, SoldOutFlags flags,
            RedisKeys keys) {
        NodeKeys channels = keys.shared();
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> sale(message, flags::flag),
                new ChannelTopic(channels.soldOutChannel()));
        container.addMessageListener((message, pattern) -> sale(message, flags::clear),
                new ChannelTopic(channels.restockedChannel()));
        return container;
    }

    /** Best effort: a lost announcement only means other instances ask Redis until they learn it themselves. */
    void announceSoldOut(long sale) {
        try {
            redis.convertAndSend(soldOut, Long.toString(sale));
        } catch (RuntimeException e) {
            log.warn("could not announce that sale {} is sold out: {}", sale, e.toString());
        }
    }

    private static void sale(Message message, java.util.function.LongConsumer action) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8).trim();
        try {
            action.accept(Long.parseLong(body));
        } catch (NumberFormatException e) {
            log.warn("ignoring sale announcement '{}'", body);
        }
    }
}
