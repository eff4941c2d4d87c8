package io.github.seckill.api.purchase;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendTimeout longest wait for Kafka's ack of {@code OrderPlaced}; past it the reservation is released
 * @param nodeId      this instance's order-id node (0..1023), unique per running instance
 * @param retryAfter  what {@code Retry-After} says when the purchase path is unavailable
 */
@ConfigurationProperties("seckill.purchase")
record PurchaseSettings(@DefaultValue("5s") Duration sendTimeout, @DefaultValue("0") int nodeId,
        @DefaultValue("1s") Duration retryAfter) {
}
