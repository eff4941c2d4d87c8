package io.github.seckill.compensation.sweeper;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reservation sweeper (the ledger is the outbox) and the DLQ backlog gauge.
 *
 * @param interval        how often the sweeper looks (one replica at a time)
 * @param republishAfter  a RESERVED entry older than this is published again to {@code seckill.order.placed}
 * @param hangingTimeout  a RESERVED entry older than this is released (order FAILED, stock back)
 * @param backlogInterval how often the DLQ consumer lag is measured
 */
@ConfigurationProperties("seckill.sweeper")
record SweeperSettings(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
        @DefaultValue("30s") Duration republishAfter, @DefaultValue("300s") Duration hangingTimeout,
        @DefaultValue("30s") Duration backlogInterval) {
}
