package io.github.seckill.compensation.ladder;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicComponentFactory;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;
import org.springframework.kafka.retrytopic.RetryTopicNamesProviderFactory;
import org.springframework.kafka.retrytopic.SameIntervalTopicReuseStrategy;
import org.springframework.kafka.retrytopic.SuffixingRetryTopicNamesProviderFactory;
import org.springframework.kafka.retrytopic.DestinationTopic;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.github.seckill.compensation.infra.TopicSettings;

/**
 * spring-kafka's non-blocking retry topics for {@code seckill.order.failed}: one topic per rung,
 * named by index ({@code -retry-0}, {@code -retry-1}, ...), and the DLT named {@code seckill.order.dlq}.
 * The topics' own back-off is a formality (1 ms): the real wait of each rung is read from the stored
 * {@link RetryPolicy} when the record arrives ({@link LadderListener}), so ops can change it at run time.
 */
@Configuration(proxyBeanMethods = false)
class LadderTopology extends RetryTopicConfigurationSupport {

    static final String LISTENER_ID = "compensation-ladder";

    private final TopicSettings topics;

    LadderTopology(TopicSettings topics) {
        this.topics = topics;
    }

    @Bean
    RetryTopicConfiguration ladder(KafkaTemplate<String, String> kafka, LadderSettings settings) {
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(topics.orderFailed())
                .fixedBackOff(1)
                .maxAttempts(settings.maxRungs() + 1)
                .sameIntervalTopicReuseStrategy(SameIntervalTopicReuseStrategy.MULTIPLE_TOPICS)
                .suffixTopicsWithIndexValues()
                .notRetryOn(List.of(LadderExhausted.class, JsonProcessingException.class))
                .autoCreateTopicsWith(topics.partitions(), topics.replicas())
                .create(kafka);
    }

    @Override
    protected RetryTopicComponentFactory createComponentFactory() {
        // Called from the super constructor: the topics are read later, when topics are named.
        Supplier<String> dlq = () -> topics.orderDlq();
        return new RetryTopicComponentFactory() {

            @Override
            public RetryTopicNamesProviderFactory retryTopicNamesProviderFactory() {
                return new DlqNamed(dlq);
            }
        };
    }

    /** Names the DLT after the platform's DLQ topic instead of {@code <topic>-dlt}. */
    private static final class DlqNamed extends SuffixingRetryTopicNamesProviderFactory {

        private final Supplier<String> dlq;

        DlqNamed(Supplier<String> dlq) {
            this.dlq = dlq;
        }

        @Override
        public RetryTopicNamesProvider createRetryTopicNamesProvider(DestinationTopic.Properties properties) {
            if (!properties.isDltTopic()) {
                return super.createRetryTopicNamesProvider(properties);
            }
            return new SuffixingRetryTopicNamesProvider(properties) {

                @Override
                public String getTopicName(String topic) {
                    return dlq.get();
                }
            };
        }
    }
}
