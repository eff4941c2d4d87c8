package io.github.seckill.order.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentTimeout   a created order unpaid this long is cancelled and restocked
 * @param scanInterval     how often the payment-timeout job looks
 * @param scanBatch        orders cancelled per look at most
 * @param providerMode     the simulated payment provider's behaviour at start (changeable at run time)
 * @param providerTimeout  longest wait for the payment provider
 */
@ConfigurationProperties("seckill.lifecycle")
record LifecycleSettings(@DefaultValue("15m") Duration paymentTimeout, @DefaultValue("10s") Duration scanInterval,
        @DefaultValue("200") int scanBatch, @DefaultValue("APPROVE") PaymentProvider.Mode providerMode,
        @DefaultValue("2s") Duration providerTimeout) {
}
