package io.github.seckill.order.placement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The redelivery policy of {@link OrderPlacedListener}: a poll whose listener threw is handed to it again,
 * backing off to one try every 10 s, and never given up. The listener throws only when an order's outcome
 * could not be settled, above all when {@link FailedOrders} could not hand a transient failure to the ladder
 * (Kafka down): dropping the poll then would lose the order, while placing it again is harmless (the orders
 * it already committed come back as duplicates).
 * Spring Boot gives this handler to the default listener container factory: every listener of this service.
 */
@Configuration(proxyBeanMethods = false)
class PlacementRedelivery {

    @Bean
    DefaultErrorHandler redeliverUntilSettled() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }
}
