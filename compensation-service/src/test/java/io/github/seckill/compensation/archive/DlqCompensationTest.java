package io.github.seckill.compensation.archive;

import static io.github.seckill.compensation.archive.DlqDelivery.INTERVAL;
import static io.github.seckill.compensation.archive.DlqDelivery.NOW;
import static io.github.seckill.compensation.archive.DlqDelivery.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;
import org.springframework.data.redis.RedisConnectionFailureException;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.ReleaseOutcome;
import io.github.seckill.compensation.alerts.Alert;
import io.github.seckill.compensation.ladder.Attempt;

/**
 * Given an order the ladder gave up on, under the DLQ's try limit: a release that settles it ends the
 * compensation; one that cannot be done yet is logged, warned about and tried again (the listener throws).
 */
class DlqCompensationTest {

    private final DlqDelivery dlq = new DlqDelivery();

    private Attempt failedAttempt() {
        ArgumentCaptor<Attempt> logged = ArgumentCaptor.forClass(Attempt.class);
        verify(dlq.attempts).record(logged.capture(), eq(false));
        verify(dlq.pending).failed(logged.getValue());
        verify(dlq.attempts, never()).settle(any());
        verify(dlq.archives, never()).archive(any(long.class), any(long.class), any(), any(), any(int.class), any(),
                any());
        return logged.getValue();
    }

    @ParameterizedTest
    @EnumSource(value = ReleaseOutcome.class, names = { "RELEASED", "ALREADY_RELEASED", "ALREADY_CONFIRMED" })
    void aReleaseThatSettlesTheOrderIsTheLastAttempt(ReleaseOutcome outcome) {
        when(dlq.attempts.count(ORDER.orderId(), "DLQ")).thenReturn(1);
        when(dlq.reservations.release(new SaleId(ORDER.activityId()), new OrderId(ORDER.orderId()), "compensation exhausted"))
                .thenReturn(outcome);

        dlq.deliver();

        verify(dlq.attempts).settle(Attempt.ok(ORDER.orderId(), ORDER.activityId(), "DLQ", 2, Duration.ZERO,
                outcome.name(), "dlq", NOW));
        verify(dlq.attempts, never()).record(any(), anyBoolean());
        verifyNoInteractions(dlq.alerts, dlq.pending);
    }

    @Test
    void aReleaseThatThrowsIsAFailedTryWarnedAboutAndRedelivered() {
        RedisConnectionFailureException down = new RedisConnectionFailureException("Redis down");
        when(dlq.reservations.release(new SaleId(ORDER.activityId()), new OrderId(ORDER.orderId()), "compensation exhausted")).thenThrow(down);

        assertThatThrownBy(dlq::deliver).isInstanceOf(DlqListener.CompensationPending.class);

        Attempt a = failedAttempt();
        assertThat(a).isEqualTo(Attempt.failed(ORDER.orderId(), ORDER.activityId(), "DLQ", 1, INTERVAL, "FAILED",
                down, "dlq", NOW));
        ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
        verify(dlq.alerts).raise(alert.capture());
        assertThat(alert.getValue().severity()).isEqualTo("WARNING");
        assertThat(alert.getValue().text()).contains("try 1 of 3").contains("Redis down");
    }

    @Test
    void aReservationHeldByATransactionIsRetriedUnderTheLimit() {
        when(dlq.attempts.count(ORDER.orderId(), "DLQ")).thenReturn(1);
        when(dlq.reservations.release(new SaleId(ORDER.activityId()), new OrderId(ORDER.orderId()), "compensation exhausted"))
                .thenReturn(ReleaseOutcome.HELD_BY_TRANSACTION);

        assertThatThrownBy(dlq::deliver).isInstanceOf(DlqListener.CompensationPending.class)
                .hasMessageContaining("try 2");

        Attempt a = failedAttempt();
        assertThat(a.attempt()).isEqualTo(2);
        assertThat(a.outcome()).isEqualTo("HELD_BY_TRANSACTION");
        assertThat(a.errorClass()).isNull();
        verify(dlq.alerts).raise(any());
    }

    @Test
    void aReplayOfASettledOrderIsSkippedWithoutTouchingTheReservation() {
        when(dlq.attempts.settled(ORDER.orderId())).thenReturn(true);

        dlq.deliver();

        verify(dlq.attempts).record(Attempt.ok(ORDER.orderId(), ORDER.activityId(), "DLQ", 0, Duration.ZERO,
                "SKIPPED_SETTLED", "dlq", NOW), false);
        verifyNoInteractions(dlq.reservations, dlq.pending, dlq.alerts);
    }

    @Test
    void aReplayOfAnArchivedOrderIsSkippedWithoutASecondAlert() {
        when(dlq.archives.contains(ORDER.orderId())).thenReturn(true);

        dlq.deliver();

        verify(dlq.attempts).record(any(), eq(false));
        verify(dlq.archives, never()).archive(any(long.class), any(long.class), any(), any(), any(int.class), any(),
                any());
        verifyNoInteractions(dlq.reservations, dlq.pending, dlq.alerts);
    }

    @Test
    void anUnreadableRecordIsSkippedNotRetriedForever() {
        dlq.deliver("{not json");

        verifyNoInteractions(dlq.reservations, dlq.attempts, dlq.pending, dlq.archives, dlq.alerts);
    }
}
