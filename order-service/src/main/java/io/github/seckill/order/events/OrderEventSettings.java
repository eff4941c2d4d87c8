package io.github.seckill.order.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay of the order events' outbox (see {@link OrderEventRelay}).
 *
 * @param interval   how often the outbox is looked at (one replica at a time)
 * @param batch      events sent and acknowledged per transaction at most
 * @param ackTimeout longest wait for Kafka's acknowledgements of a batch; what is not acknowledged by
 *                   then stays in the outbox for the next look
 */
@ConfigurationProperties("seckill.order-events")
record OrderEventSettings(@DefaultValue("1s") Duration interval, @DefaultValue("500") int batch,
        @DefaultValue("10s") Duration ackTimeout) {
}
