package io.github.seckill.compensation.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wait before each attempt, and how many attempts a policy allows before the DLQ. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60)));

    @ParameterizedTest(name = "attempt {0} waits {1}")
    @CsvSource({ "1, PT0S", "2, PT10S", "3, PT30S", "4, PT60S", "6, PT60S" })
    void eachAttemptWaitsTheDelayOfItsRung(int attempt, Duration wait) {
        // past the end (a policy shortened under a waiting record) the last delay applies
        assertThat(policy.delayBefore(attempt)).isEqualTo(wait);
    }

    @Test
    void oneAttemptAtOnceThenOnePerDelay() {
        assertThat(policy.maxAttempts()).isEqualTo(4);
    }

    @Test
    void aStoredPolicyReadsBackTheSame() {
        assertThat(RetryPolicy.parse(policy.stored())).isEqualTo(policy);
    }

    @Test
    void aPolicyWithoutDelaysOrWithANegativeOrOverlongOneIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(List.of())).isInstanceOf(RetryPolicy.InvalidPolicy.class);
        assertThatThrownBy(() -> new RetryPolicy(List.of(Duration.ofSeconds(-1))))
                .isInstanceOf(RetryPolicy.InvalidPolicy.class);
        assertThatThrownBy(() -> new RetryPolicy(List.of(Duration.ofHours(6).plusSeconds(1))))
                .isInstanceOf(RetryPolicy.InvalidPolicy.class);
        assertThat(new RetryPolicy(List.of(Duration.ZERO, Duration.ofHours(6))).maxAttempts()).isEqualTo(3);
    }
}
