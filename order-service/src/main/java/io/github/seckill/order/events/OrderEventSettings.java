package io.github.seckill.order.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay of the order events' outbox (see {@link OrderEventRelay}).
 *
 * @param interval   how often the outbox is looked at (one replica at a time)
 * @param batch      outbox rows sent and acknowledged per transaction at most (a row is one status change,
 *                   or one placement batch's CREATED orders, up to 1,000)
 * @param ackTimeout longest wait for Kafka's acknowledgements of a batch; what is not acknowledged by
 *                   then stays in the outbox for the next look
 */
@ConfigurationProperties("seckill.order-events")
record OrderEventSettings(@DefaultValue("1s") Duration interval, @DefaultValue("20") int batch,
        @DefaultValue("10s") Duration ackTimeout) {
}
