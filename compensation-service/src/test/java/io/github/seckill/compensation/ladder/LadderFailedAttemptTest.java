package io.github.seckill.compensation.ladder;

import static io.github.seckill.compensation.ladder.LadderRung.NOW;
import static io.github.seckill.compensation.ladder.LadderRung.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.SocketTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import io.github.seckill.common.orderservice.OrderServiceRefused;
import io.github.seckill.common.orderservice.OrderServiceUnavailable;
import io.github.seckill.common.orderservice.Redriven;

/**
 * Given a re-drive that does not settle the order, the rung logs the failed attempt, keeps the order's
 * pending record, and throws what sends the record up the ladder ({@link RedriveFailed}, retried) or,
 * on the policy's last attempt, straight to the DLQ ({@link LadderExhausted}, not retried).
 */
class LadderFailedAttemptTest {

    private final LadderRung rung = new LadderRung();

    private Attempt loggedAttempt() {
        ArgumentCaptor<Attempt> logged = ArgumentCaptor.forClass(Attempt.class);
        verify(rung.attempts).record(logged.capture(), eq(false));
        verify(rung.pending).failed(logged.getValue());
        verify(rung.attempts, never()).settle(any());
        return logged.getValue();
    }

    @Test
    void retryingOnTheFirstAttemptGoesToTheFirstRungWithNoErrorClass() throws Exception {
        when(rung.redrive.redrive(ORDER)).thenReturn(Redriven.Outcome.RETRYING);

        assertThatThrownBy(() -> rung.deliver(1)).isInstanceOf(RedriveFailed.class).hasNoCause();

        assertThat(loggedAttempt()).isEqualTo(Attempt.ok(ORDER.orderId(), ORDER.activityId(), "LADDER", 1,
                Duration.ZERO, "RETRYING", "ladder", NOW));
    }

    @Test
    void aRefusalIsAFailedAttemptCarryingTheHttpErrorAndIsRetried() throws Exception {
        // a 4xx from the placement endpoint (bad credentials, a body it cannot read) is not a verdict on
        // the order: the ladder keeps trying, and the DLQ releases the reservation if it never passes
        HttpClientErrorException conflict = HttpClientErrorException.create(HttpStatus.CONFLICT, "Conflict", null,
                null, null);
        when(rung.redrive.redrive(ORDER)).thenThrow(new OrderServiceRefused(409, "not now", conflict));

        assertThatThrownBy(() -> rung.deliver(2)).isInstanceOf(RedriveFailed.class).hasCause(conflict);

        Attempt a = loggedAttempt();
        assertThat(a.attempt()).isEqualTo(2);
        assertThat(a.delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(a.outcome()).isEqualTo("FAILED");
        assertThat(a.errorClass()).isEqualTo(conflict.getClass().getName());
    }

    @Test
    void anHttp5xxIsAFailedAttemptOnTheNextRung() throws Exception {
        HttpServerErrorException boom = HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE,
                "Service Unavailable", null, null, null);
        when(rung.redrive.redrive(ORDER)).thenThrow(new OrderServiceUnavailable(503, null, boom));

        assertThatThrownBy(() -> rung.deliver(3)).isInstanceOf(RedriveFailed.class).hasCause(boom);

        Attempt a = loggedAttempt();
        assertThat(a.attempt()).isEqualTo(3);
        assertThat(a.delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.errorClass()).isEqualTo(boom.getClass().getName());
    }

    @Test
    void aTimeoutIsLoggedAsWhatHappenedOnTheWire() throws Exception {
        ResourceAccessException timeout = new ResourceAccessException("I/O error: Read timed out",
                new SocketTimeoutException("Read timed out"));
        when(rung.redrive.redrive(ORDER)).thenThrow(new OrderServiceUnavailable(0, null, timeout));

        assertThatThrownBy(() -> rung.deliver(1)).isInstanceOf(RedriveFailed.class);

        Attempt a = loggedAttempt();
        assertThat(a.errorClass()).isEqualTo(ResourceAccessException.class.getName());
        assertThat(a.errorMessage()).contains("Read timed out");
    }

    @Test
    void theLastAttemptOfThePolicyIsExhaustedAndGoesToTheDlq() throws Exception {
        OrderServiceUnavailable down = new OrderServiceUnavailable(0, null, new ResourceAccessException("refused"));
        when(rung.redrive.redrive(ORDER)).thenThrow(down);

        assertThatThrownBy(() -> rung.deliver(4)).isInstanceOf(LadderExhausted.class)
                .hasCause(down.getCause()).hasMessageContaining("after 4 attempts");

        assertThat(loggedAttempt().delay()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void retryingOnTheLastAttemptIsExhaustedToo() throws Exception {
        when(rung.redrive.redrive(ORDER)).thenReturn(Redriven.Outcome.RETRYING);

        assertThatThrownBy(() -> rung.deliver(4)).isInstanceOf(LadderExhausted.class);

        assertThat(loggedAttempt().outcome()).isEqualTo("RETRYING");
    }
}
