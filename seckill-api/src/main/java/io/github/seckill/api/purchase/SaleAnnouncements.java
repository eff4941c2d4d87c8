package io.github.seckill.api.purchase;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import io.github.seckill.common.redis.SaleChannels;

/**
 * Keeps the sold-out flags of all instances in step over Redis pub/sub: an instance that finds a sale
 * sold out announces it; {@code release.lua} (and order-service's compensations) announce restocks.
 */
@Configuration(proxyBeanMethods = false)
class SaleAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(SaleAnnouncements.class);

    private final StringRedisTemplate redis;
    private final String soldOut;

    SaleAnnouncements(StringRedisTemplate redis, @Value("${seckill.redis.key-prefix:sk}") String prefix) {
        this.redis = redis;
        this.soldOut = SaleChannels.soldOut(prefix);
    }

    @Bean
    RedisMessageListenerContainer saleListeners(RedisConnectionFactory connections, SoldOutFlags flags,
            @Value("${seckill.redis.key-prefix:sk}") String prefix) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> sale(message, flags::flag),
                new ChannelTopic(SaleChannels.soldOut(prefix)));
        container.addMessageListener((message, pattern) -> sale(message, flags::clear),
                new ChannelTopic(SaleChannels.restocked(prefix)));
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
