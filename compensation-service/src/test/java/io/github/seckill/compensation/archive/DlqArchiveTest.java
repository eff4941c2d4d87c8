package io.github.seckill.compensation.archive;

import static io.github.seckill.compensation.archive.DlqDelivery.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.ReleaseOutcome;
import io.github.seckill.compensation.alerts.Alert;
import io.github.seckill.compensation.ladder.PendingCompensations.Pending;

/**
 * Given the DLQ's last try fails, or an order no reservation knows: the order is archived once with its
 * whole history and one urgent alert, and the record is done (no exception, no redelivery).
 */
class DlqArchiveTest {

    private static final String LAST = "HELD_BY_TRANSACTION: release answered HELD_BY_TRANSACTION";

    private final DlqDelivery dlq = new DlqDelivery();

    private void releaseAnswers(ReleaseOutcome outcome) {
        when(dlq.reservations.release(new SaleId(ORDER.activityId()), new OrderId(ORDER.orderId()), "compensation exhausted"))
                .thenReturn(outcome);
    }

    private Alert onlyAlert() {
        ArgumentCaptor<Alert> alert = ArgumentCaptor.forClass(Alert.class);
        verify(dlq.alerts).raise(alert.capture());
        return alert.getValue();
    }

    @Test
    void theLastFailedTryArchivesTheOrderWithItsFirstAndLastErrorAndOneUrgentAlert() {
        when(dlq.attempts.count(ORDER.orderId(), "DLQ")).thenReturn(2);
        releaseAnswers(ReleaseOutcome.HELD_BY_TRANSACTION);
        // four ladder attempts and two DLQ tries before this one
        when(dlq.pending.find(ORDER.orderId())).thenReturn(Optional.of(new Pending(ORDER.orderId(),
                ORDER.activityId(), 7, "org.springframework.web.client.HttpServerErrorException: 500", LAST)));
        when(dlq.archives.archive(anyLong(), anyLong(), anyString(), anyString(), anyInt(), anyString(), anyString()))
                .thenReturn(true);

        assertThatCode(dlq::deliver).doesNotThrowAnyException();

        verify(dlq.archives).archive(ORDER.orderId(), ORDER.activityId(), dlq.payload, "Seata TC unreachable", 7,
                "org.springframework.web.client.HttpServerErrorException: 500", LAST);
        assertThat(onlyAlert().severity()).isEqualTo("URGENT");
        verify(dlq.pending).failed(any());
    }

    @Test
    void anOrderNoReservationKnowsIsArchivedOnItsFirstTry() {
        releaseAnswers(ReleaseOutcome.UNKNOWN_ORDER);
        when(dlq.archives.archive(anyLong(), anyLong(), anyString(), anyString(), anyInt(), anyString(), anyString()))
                .thenReturn(true);

        assertThatCode(dlq::deliver).doesNotThrowAnyException();

        // no pending record on file: the archive counts this try and has it as the first error too
        String error = "UNKNOWN_ORDER: release answered UNKNOWN_ORDER";
        verify(dlq.archives).archive(ORDER.orderId(), ORDER.activityId(), dlq.payload, "Seata TC unreachable", 3,
                error, error);
        assertThat(onlyAlert().severity()).isEqualTo("URGENT");
    }

    @Test
    void anArchiveAlreadyWrittenRaisesNoSecondAlert() {
        // a redelivery racing the first archive: INSERT IGNORE wrote nothing
        when(dlq.attempts.count(ORDER.orderId(), "DLQ")).thenReturn(2);
        releaseAnswers(ReleaseOutcome.HELD_BY_TRANSACTION);
        when(dlq.archives.archive(anyLong(), anyLong(), anyString(), anyString(), anyInt(), anyString(), anyString()))
                .thenReturn(false);

        assertThatCode(dlq::deliver).doesNotThrowAnyException();

        verifyNoInteractions(dlq.alerts);
        verify(dlq.attempts, never()).settle(any());
    }
}
