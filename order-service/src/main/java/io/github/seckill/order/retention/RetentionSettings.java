package io.github.seckill.order.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of ended sales in Redis (ADR 15).
 *
 * @param enabled  whether the job runs
 * @param interval how often ended sales are looked for (one replica at a time)
 * @param afterEnd a sale is retired this long after its end, once nothing in it is unsettled: past the
 *                 payment timeout, the sweeper's hanging timeout and the hanging-try window, so whatever
 *                 could still move in it has moved
 * @param keep     how long a retired sale's keys stay readable before Redis frees them (late readers, and a
 *                 cancel of a created order still find the ledger meanwhile)
 */
@ConfigurationProperties("seckill.retention")
record RetentionSettings(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration interval,
        @DefaultValue("1h") Duration afterEnd, @DefaultValue("1d") Duration keep) {

    RetentionSettings {
        if (afterEnd.isNegative() || keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("after-end must not be negative and keep must be positive");
        }
    }
}
