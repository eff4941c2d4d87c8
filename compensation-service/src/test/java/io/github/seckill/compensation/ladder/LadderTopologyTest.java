package io.github.seckill.compensation.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.DestinationTopic;
import org.springframework.kafka.retrytopic.RetryTopicNamesProviderFactory;

import com.fasterxml.jackson.core.JsonParseException;

/**
 * The topics a failed record travels: one per rung, named as {@link LadderListener} reads the attempt
 * number back, then {@code seckill.order.dlq}; which of the listener's exceptions climb a rung and which
 * go straight to the DLQ.
 */
class LadderTopologyTest {

    private final LadderTopology topology = new LadderTopology(LadderRung.TOPICS);
    private final List<DestinationTopic.Properties> destinations = topology
            .ladder(mock(KafkaTemplate.class), new LadderSettings(List.of(Duration.ofSeconds(10)), 4))
            .getDestinationTopicProperties();

    private String nameOf(DestinationTopic.Properties p) {
        RetryTopicNamesProviderFactory names = topology.createComponentFactory().retryTopicNamesProviderFactory();
        return names.createRetryTopicNamesProvider(p).getTopicName("seckill.order.failed");
    }

    private DestinationTopic main() {
        return new DestinationTopic("seckill.order.failed", destinations.get(0));
    }

    @Test
    void maxRungsRetryTopicsAreNamedByIndexAndTheLastStopIsTheDlq() {
        assertThat(destinations).extracting(this::nameOf).containsExactly("seckill.order.failed",
                "seckill.order.failed-retry-0", "seckill.order.failed-retry-1", "seckill.order.failed-retry-2",
                "seckill.order.failed-retry-3", "seckill.order.dlq");
        assertThat(destinations.get(destinations.size() - 1).isDltTopic()).isTrue();
        // rung n of the topology is attempt n + 2 for the listener
        assertThat(nameOf(destinations.get(2))).isEqualTo(LadderRung.topicOf(3));
    }

    @Test
    void theTopicsOwnBackOffIsAFormalityTheRungWaitsThePolicysDelay() {
        assertThat(destinations).filteredOn(DestinationTopic.Properties::isRetryTopic)
                .extracting(DestinationTopic.Properties::delay).containsOnly(1L);
    }

    @Test
    void aRungThatDidNotSettleClimbsToTheNext() {
        assertThat(main().shouldRetryOn(1, new RedriveFailed(1, 1, null))).isTrue();
        assertThat(main().shouldRetryOn(4, new RedriveFailed(1, 4, null))).isTrue();
    }

    @Test
    void anExhaustedOrderOrAnUnreadableRecordGoesStraightToTheDlq() {
        assertThat(main().shouldRetryOn(2, new LadderExhausted(1, 2, null))).isFalse();
        assertThat(main().shouldRetryOn(1, new JsonParseException(null, "not json"))).isFalse();
    }

    @Test
    void noRecordClimbsPastTheLastRungTopic() {
        assertThat(main().shouldRetryOn(5, new RedriveFailed(1, 5, null))).isFalse();
    }
}
