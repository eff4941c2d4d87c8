package io.github.seckill.api.purchase;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.github.seckill.api.web.Problem;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.redis.ReserveOutcome;

/**
 * The answer to each refused reservation. Codes are part of the API: 404 unknown sale, 425 not
 * started (with {@code startAt} and {@code Retry-After}), 410 ended or closed, 409 sold out or over
 * the per-user limit.
 */
final class Refusals {

    private Refusals() {
    }

    static Problem of(ReserveOutcome outcome, long activityId, Instant startAt, Instant now) {
        return switch (outcome) {
            case NOT_PREWARMED -> notFound(activityId);
            case NOT_STARTED -> new Problem(HttpStatus.TOO_EARLY, ProblemTypes.SALE_NOT_STARTED, "Sale not started",
                    "sale " + activityId + " starts at " + startAt, Map.of("startAt", startAt.toString()),
                    Duration.between(now, startAt));
            case ENDED, CLOSED -> new Problem(HttpStatus.GONE, ProblemTypes.SALE_ENDED, "Sale ended",
                    "sale " + activityId + " is over");
            case SOLD_OUT -> new Problem(HttpStatus.CONFLICT, ProblemTypes.SOLD_OUT, "Sold out",
                    "sale " + activityId + " is sold out");
            case INSUFFICIENT_STOCK -> new Problem(HttpStatus.CONFLICT, ProblemTypes.SOLD_OUT, "Sold out",
                    "sale " + activityId + " has fewer units left than asked");
            case LIMIT_EXCEEDED -> new Problem(HttpStatus.CONFLICT, ProblemTypes.LIMIT_EXCEEDED,
                    "Limit exceeded", "this purchase would take you over the sale's per-user limit");
            case RESERVED, DUPLICATE_ORDER -> throw new IllegalStateException("not a refusal: " + outcome);
        };
    }

    static Problem notFound(long activityId) {
        return new Problem(HttpStatus.NOT_FOUND, ProblemTypes.SALE_NOT_FOUND, "Sale not found",
                "no sale " + activityId + " is open for orders");
    }

    static Problem unavailable(Duration retryAfter) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Try again",
                "the order could not be taken right now; nothing was charged or reserved", Map.of(), retryAfter);
    }
}
