package io.github.seckill.api.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * One instance's share of a hot bucket that every instance draws from (the global and per-sale purchase
 * limits): tokens are taken from the shared bucket in Redis up to {@code chunk} at a time, and handed out
 * here from a counter, so a purchase costs a Redis call only once per chunk. Tokens left after
 * {@code freshFor} are dropped rather than handed out late, so an instance never admits on tokens of a
 * burst long past; the shared bucket is exact (Bucket4j), the instances under-admit by at most one chunk
 * each. Bucket4j's own batching did the same at the cost of a Redis call's worth of CPU per request
 * (ADR 20).
 */
final class PrepaidTokens {

    private final AsyncBucketProxy shared;
    private final long chunk;
    private final long freshForNanos;
    private final long refillNanos;
    private final Duration timeout;
    private final CircuitBreaker redis;
    private final AtomicLong left = new AtomicLong();
    private volatile long takenAt;

    /**
     * @param rate     the shared bucket's rate, for the wait a refusal reports
     * @param timeout  the longest wait for Redis's answer
     * @param redis    the breaker every Redis call of the service goes through
     */
    PrepaidTokens(AsyncBucketProxy shared, Rate rate, long chunk, Duration freshFor, Duration timeout,
            CircuitBreaker redis) {
        this.shared = shared;
        this.redis = redis;
        this.chunk = Math.max(1, chunk);
        this.freshForNanos = freshFor.toNanos();
        this.refillNanos = Math.max(1, rate.period().toNanos() / rate.capacity());
        this.timeout = timeout;
    }

    /** Takes one token: 0 when taken, else how long (ns) until the shared bucket has one again. */
    long take() {
        if (takeHeld()) {
            return 0;
        }
        synchronized (this) {
            if (takeHeld()) {
                return 0; // another request refilled meanwhile
            }
            long got = redis.executeSupplier(this::fromRedis);
            if (got == 0) {
                return refillNanos;
            }
            takenAt = System.nanoTime();
            left.set(got - 1);
            return 0;
        }
    }

    /** One of the chunk's tokens, unless it is used up or stale (then the next refill replaces it). */
    private boolean takeHeld() {
        return System.nanoTime() - takenAt <= freshForNanos && left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private long fromRedis() {
        return BucketAnswers.await(shared.tryConsumeAsMuchAsPossible(chunk), timeout);
    }
}
