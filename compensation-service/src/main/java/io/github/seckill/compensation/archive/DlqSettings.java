package io.github.seckill.compensation.archive;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The DLQ consumer.
 *
 * @param maxAttempts compensation tries of one DLQ record; the last failed one archives the order
 * @param interval    wait between tries (the record is redelivered)
 */
@ConfigurationProperties("seckill.dlq")
record DlqSettings(@DefaultValue("3") int maxAttempts, @DefaultValue("5s") Duration interval) {
}
