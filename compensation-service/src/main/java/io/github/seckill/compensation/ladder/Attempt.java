package io.github.seckill.compensation.ladder;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * One compensation attempt, as the log keeps it.
 *
 * @param orderId written as a JSON string, as every order id is (64 bits; JavaScript keeps 53)
 * @param stage   LADDER (re-drive from the retry topics), DLQ (release after the ladder) or OPS (manual retry)
 * @param outcome what happened: a re-drive outcome, FAILED, DUPLICATE (skipped: already done), RELEASED...
 * @param actor   {@code ladder}, {@code dlq} or the ops user
 */
public record Attempt(@JsonSerialize(using = ToStringSerializer.class) long orderId, long activityId, String stage,
        int attempt, Duration delay, String outcome, String errorClass, String errorMessage, String actor, Instant at) {

    public static Attempt ok(long orderId, long activityId, String stage, int attempt, Duration delay, String outcome,
            String actor, Instant at) {
        return new Attempt(orderId, activityId, stage, attempt, delay, outcome, null, null, actor, at);
    }

    public static Attempt failed(long orderId, long activityId, String stage, int attempt, Duration delay,
            String outcome, Throwable error, String actor, Instant at) {
        return new Attempt(orderId, activityId, stage, attempt, delay, outcome,
                error == null ? null : error.getClass().getName(), error == null ? null : error.getMessage(), actor,
                at);
    }

    /** The error as one line for the pending record and the archive. */
    public String errorLine() {
        if (errorClass == null) {
            return errorMessage == null ? outcome : outcome + ": " + errorMessage;
        }
        String line = errorClass + ": " + errorMessage;
        return line.length() > 1000 ? line.substring(0, 1000) : line;
    }
}
