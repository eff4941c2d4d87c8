package io.github.seckill.compensation.ladder;

import static io.github.seckill.compensation.ladder.LadderRung.NOW;
import static io.github.seckill.compensation.ladder.LadderRung.ORDER;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.seckill.common.orderservice.Redriven;

/**
 * Given order-service settles the re-driven order (placed, already placed, or refused for good), the
 * rung ends the compensation: the attempt is the settling one, and nothing goes further up the ladder.
 */
class LadderSettledOutcomeTest {

    private final LadderRung rung = new LadderRung();

    @ParameterizedTest(name = "{0} on attempt {1} settles after a wait of {2}")
    @CsvSource({ "COMMITTED, 1, PT0S", "DUPLICATE, 2, PT10S", "REFUSED, 3, PT30S", "COMMITTED, 4, PT60S" })
    void aSettledOutcomeIsTheLastAttempt(Redriven.Outcome outcome, int attempt, Duration delay) throws Exception {
        when(rung.redrive.redrive(ORDER)).thenReturn(outcome);

        assertThatCode(() -> rung.deliver(attempt)).as("no exception: the record is done").doesNotThrowAnyException();

        verify(rung.attempts).settle(Attempt.ok(ORDER.orderId(), ORDER.activityId(), "LADDER", attempt, delay,
                outcome.name(), "ladder", NOW));
        verify(rung.attempts, never()).record(any(), anyBoolean());
        verify(rung.pending, never()).failed(any());
    }

    @Test
    void aReplayOfASettledOrderIsSkippedWithoutCallingOrderService() throws Exception {
        // an earlier delivery settled it: a second one must not place the order again nor reopen its record
        when(rung.attempts.settled(ORDER.orderId())).thenReturn(true);

        rung.deliver(2);

        verifyNoInteractions(rung.redrive, rung.pending);
        verify(rung.attempts).record(Attempt.ok(ORDER.orderId(), ORDER.activityId(), "LADDER", 2,
                Duration.ofSeconds(10), "SKIPPED_SETTLED", "ladder", NOW), false);
        verify(rung.attempts, never()).settle(any());
    }
}
