package io.github.seckill.compensation.archive;

import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The DLQ's container: a failed compensation is redelivered after {@code seckill.dlq.interval}, as
 * long as it takes (the listener archives the order after {@code max-attempts}; redelivery beyond
 * that only happens when even the archive could not be written, so nothing is lost).
 */
@Configuration(proxyBeanMethods = false)
class DlqConsumer {

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> dlqContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            DlqSettings settings) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(settings.interval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }
}
