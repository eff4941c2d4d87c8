package io.github.seckill.compensation.ops;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.orderservice.OrderServiceException;
import io.github.seckill.common.orderservice.Redriven;
import io.github.seckill.compensation.archive.ArchiveEntry;
import io.github.seckill.compensation.archive.Archives;
import io.github.seckill.compensation.ladder.Attempt;
import io.github.seckill.compensation.ladder.AttemptLog;
import io.github.seckill.compensation.ladder.Redrive;

/**
 * Manual retry of an archived order through the same re-drive as the ladder. Idempotent: an order
 * that already succeeded (archive no longer OPEN, or a settled attempt on record) is reported, not redone.
 */
@Component
class ArchiveRetries {

    private final Archives archives;
    private final Redrive redrive;
    private final AttemptLog attempts;
    private final ObjectMapper json;
    private final Clock clock;

    ArchiveRetries(Archives archives, Redrive redrive, AttemptLog attempts, ObjectMapper json, Clock clock) {
        this.archives = archives;
        this.redrive = redrive;
        this.attempts = attempts;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param result SUCCEEDED (settled now), ALREADY_SUCCEEDED, NOT_OPEN (resolved by hand), RETRYING or FAILED
     * @param outcome order-service's answer, when it was asked
     */
    record Result(long archiveId, String orderId, String result, String outcome, String detail) {
    }

    Result retry(long id, String actor) {
        ArchiveEntry archive = archives.find(id).orElseThrow(() -> new NotFound("archive " + id));
        long orderId = Long.parseLong(archive.orderId());
        if ("RETRIED".equals(archive.status())) {
            return new Result(id, archive.orderId(), "ALREADY_SUCCEEDED", null, "retried before");
        }
        if (!"OPEN".equals(archive.status())) {
            return new Result(id, archive.orderId(), "NOT_OPEN", null, "status " + archive.status());
        }
        if (attempts.settled(orderId)) {
            archives.close(id, "RETRIED", "already settled", actor);
            return new Result(id, archive.orderId(), "ALREADY_SUCCEEDED", null, "a settled attempt is on record");
        }
        OrderPlaced order = order(archive);
        int attempt = attempts.count(orderId, "OPS") + 1;
        try {
            Redriven.Outcome outcome = redrive.redrive(order);
            attempts.record(Attempt.ok(orderId, order.activityId(), "OPS", attempt, Duration.ZERO, outcome.name(),
                    actor, clock.instant()), outcome.settled());
            if (!outcome.settled()) {
                return new Result(id, archive.orderId(), "RETRYING", outcome.name(), "still open");
            }
            archives.close(id, "RETRIED", "re-driven: " + outcome, actor);
            return new Result(id, archive.orderId(), "SUCCEEDED", outcome.name(), null);
        } catch (OrderServiceException e) {
            attempts.record(Attempt.failed(orderId, order.activityId(), "OPS", attempt, Duration.ZERO, "FAILED",
                    Redrive.cause(e), actor, clock.instant()), false);
            return new Result(id, archive.orderId(), "FAILED", null, "order-service did not answer");
        }
    }

    private OrderPlaced order(ArchiveEntry archive) {
        try {
            return json.readTree(archive.payload()).has("order")
                    ? json.treeToValue(json.readTree(archive.payload()).get("order"), OrderPlaced.class)
                    : json.readValue(archive.payload(), OrderPlaced.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("archive " + archive.id() + " holds an unreadable payload", e);
        }
    }
}
