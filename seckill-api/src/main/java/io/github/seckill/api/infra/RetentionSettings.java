package io.github.seckill.api.infra;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long what this service writes per shopper stays in Redis (ADR 15).
 *
 * @param shopperIndex a shopper's order index is kept this long after their last purchase; a lookup that
 *                     misses it asks order-service and writes the entry again
 */
@ConfigurationProperties("seckill.retention")
record RetentionSettings(@DefaultValue("30d") Duration shopperIndex) {
}
