package io.github.seckill.compensation.ladder;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The ladder's delays: attempt 1 runs at once, attempt n+1 waits {@code delays[n-1]} after attempt n
 * failed. The order goes to the DLQ after {@link #maxAttempts()} attempts.
 */
public record RetryPolicy(List<Duration> delays) {

    static final Duration LONGEST = Duration.ofHours(6);

    public RetryPolicy {
        Objects.requireNonNull(delays, "delays");
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new InvalidPolicy("at least one delay is needed");
        }
        for (Duration d : delays) {
            if (d.isNegative() || d.compareTo(LONGEST) > 0) {
                throw new InvalidPolicy("every delay must be between 0 and " + LONGEST + ": " + d);
            }
        }
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait before this attempt (2 or more); past the policy's end, its last delay. */
    Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        return delays.get(Math.min(attempt - 2, delays.size() - 1));
    }

    String stored() {
        return String.join(",", delays.stream().map(Duration::toString).toList());
    }

    static RetryPolicy parse(String stored) {
        return new RetryPolicy(List.of(stored.split(",")).stream().map(String::trim).map(Duration::parse).toList());
    }

    /** A policy that cannot be applied; the message says why. */
    public static class InvalidPolicy extends IllegalArgumentException {

        public InvalidPolicy(String message) {
            super(message);
        }
    }
}
