package io.github.seckill.api.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;

/** Waits for a bucket's answer from Redis, its failures as Spring's Redis exceptions (a 503 to the shopper). */
final class BucketAnswers {

    private BucketAnswers() {
    }

    static <T> T await(CompletableFuture<T> answer, Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException("interrupted while checking rate limits", e);
        } catch (TimeoutException e) {
            throw new QueryTimeoutException("rate limit check timed out", e);
        } catch (ExecutionException e) {
            throw new RedisSystemException("rate limit check failed", e.getCause());
        }
    }
}
