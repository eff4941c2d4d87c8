package io.github.seckill.compensation.ladder;

import static io.github.seckill.compensation.ladder.LadderRung.ORDER;
import static io.github.seckill.compensation.ladder.LadderRung.PUBLISHED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.kafka.listener.KafkaBackoffException;
import org.springframework.kafka.listener.KafkaConsumerBackoffManager;

import io.github.seckill.common.orderservice.Redriven;

/** Which wait each rung takes from the policy read when the record arrives, and that it waits first. */
class LadderRungDelayTest {

    private final LadderRung rung = new LadderRung();

    private KafkaConsumerBackoffManager.Context backedOff() {
        ArgumentCaptor<KafkaConsumerBackoffManager.Context> context = ArgumentCaptor
                .forClass(KafkaConsumerBackoffManager.Context.class);
        verify(rung.backoff).backOffIfNecessary(context.capture());
        return context.getValue();
    }

    @Test
    void theFirstAttemptRunsAtOnce() throws Exception {
        when(rung.redrive.redrive(ORDER)).thenReturn(Redriven.Outcome.COMMITTED);

        rung.deliver(1);

        verify(rung.backoff, never()).backOffIfNecessary(any());
    }

    @Test
    void eachRungPausesItsPartitionUntilItsDelayAfterTheRecordWasPublishedThenReDrives() throws Exception {
        when(rung.redrive.redrive(ORDER)).thenReturn(Redriven.Outcome.COMMITTED);

        rung.deliver(3); // on -retry-1: the policy's second delay, 30 s

        KafkaConsumerBackoffManager.Context context = backedOff();
        assertThat(context.getDueTimestamp()).isEqualTo(PUBLISHED_AT + 30_000);
        assertThat(context.getListenerId()).isEqualTo("compensation-ladder-retry-1");
        assertThat(context.getTopicPartition()).isEqualTo(new TopicPartition("seckill.order.failed-retry-1", 0));
        InOrder order = inOrder(rung.backoff, rung.redrive);
        order.verify(rung.backoff).backOffIfNecessary(any());
        order.verify(rung.redrive).redrive(ORDER);
    }

    @Test
    void aRecordDueLaterIsNeitherReDrivenNorLogged() throws Exception {
        doThrow(new KafkaBackoffException("not yet", new TopicPartition("seckill.order.failed-retry-0", 0),
                "compensation-ladder-retry-0", PUBLISHED_AT + 10_000)).when(rung.backoff).backOffIfNecessary(any());

        assertThatThrownBy(() -> rung.deliver(2)).isInstanceOf(KafkaBackoffException.class);

        verifyNoInteractions(rung.redrive, rung.attempts, rung.pending);
    }

    @Test
    void aShorterPolicyStoredMeanwhileExhaustsTheOrderOnItsOwnLastAttempt() throws Exception {
        // ops cut the ladder to 5 s, 5 s (three attempts) while the order waited on -retry-1
        when(rung.policies.current()).thenReturn(new RetryPolicy(List.of(Duration.ofSeconds(5),
                Duration.ofSeconds(5))));
        when(rung.redrive.redrive(ORDER)).thenReturn(Redriven.Outcome.RETRYING);

        assertThatThrownBy(() -> rung.deliver(3)).isInstanceOf(LadderExhausted.class);

        assertThat(backedOff().getDueTimestamp()).isEqualTo(PUBLISHED_AT + 5_000);
    }

    @Test
    void aRecordAlreadyPastAShortenedPolicyWaitsItsLastDelayAndIsExhausted() throws Exception {
        when(rung.policies.current()).thenReturn(new RetryPolicy(List.of(Duration.ofSeconds(7))));
        when(rung.redrive.redrive(ORDER)).thenReturn(Redriven.Outcome.RETRYING);

        assertThatThrownBy(() -> rung.deliver(4)).isInstanceOf(LadderExhausted.class);

        assertThat(backedOff().getDueTimestamp()).isEqualTo(PUBLISHED_AT + 7_000);
    }

    @Test
    void aLongerPolicyKeepsTheOrderOnTheLadderPastTheOldLastAttempt() throws Exception {
        when(rung.policies.current()).thenReturn(new RetryPolicy(List.of(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4))));
        when(rung.redrive.redrive(ORDER)).thenReturn(Redriven.Outcome.RETRYING);

        assertThatThrownBy(() -> rung.deliver(4)).isInstanceOf(RedriveFailed.class);
    }
}
