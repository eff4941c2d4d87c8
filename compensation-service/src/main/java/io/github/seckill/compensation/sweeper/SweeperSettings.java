package io.github.seckill.compensation.sweeper;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reservation sweeper (the ledger is the outbox) and the DLQ backlog gauge.
 *
 * @param interval        how often the sweeper looks (one replica at a time)
 * @param republishAfter  a RESERVED entry older than this whose send Kafka never acknowledged is published
 *                        again to {@code seckill.order.placed}
 * @param hangingTimeout  a RESERVED entry is released (order FAILED, stock back) this long after Kafka refused it
 *                        from the start, or after order-service took it and left it RESERVED; never while its
 *                        order waits in Kafka
 * @param backlogInterval how often the DLQ consumer lag is measured
 * @param placementGroup  order-service's consumer group: its progress on {@code seckill.order.placed} tells an
 *                        order waiting in Kafka from one taken
 */
@ConfigurationProperties("seckill.sweeper")
record SweeperSettings(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
        @DefaultValue("30s") Duration republishAfter, @DefaultValue("300s") Duration hangingTimeout,
        @DefaultValue("30s") Duration backlogInterval, @DefaultValue("order-service") String placementGroup) {
}
