package io.github.seckill.compensation.archive;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderFailed;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.ReleaseOutcome;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.compensation.alerts.Alert;
import io.github.seckill.compensation.alerts.Alerts;
import io.github.seckill.compensation.ladder.Attempt;
import io.github.seckill.compensation.ladder.AttemptLog;
import io.github.seckill.compensation.ladder.PendingCompensations;

/**
 * Orders the ladder could not heal. Compensation: release the reservation (the order ends FAILED,
 * stock and quota back). A release that cannot be done yet is recorded, alerted and tried again
 * after {@code seckill.dlq.interval}; the {@code max-attempts}-th failure archives the order for ops
 * with an urgent alert.
 */
@Component
class DlqListener {

    static final String REASON = "compensation exhausted";
    private static final Logger log = LoggerFactory.getLogger(DlqListener.class);
    private static final String STAGE = "DLQ";

    private final Reservations reservations;
    private final AttemptLog attempts;
    private final PendingCompensations pending;
    private final Archives archives;
    private final Alerts alerts;
    private final DlqSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    DlqListener(Reservations reservations, AttemptLog attempts, PendingCompensations pending, Archives archives,
            Alerts alerts, DlqSettings settings, ObjectMapper json, Clock clock) {
        this.reservations = reservations;
        this.attempts = attempts;
        this.pending = pending;
        this.archives = archives;
        this.alerts = alerts;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(id = "compensation-dlq", topics = "${seckill.topics.order-dlq}",
            groupId = "${spring.kafka.consumer.group-id}-dlq", containerFactory = "dlqContainerFactory")
    void onExhausted(ConsumerRecord<String, String> record) {
        OrderFailed failed;
        try {
            failed = json.readValue(record.value(), OrderFailed.class);
        } catch (JsonProcessingException e) {
            log.error("unreadable DLQ record at {}-{}@{} skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getOriginalMessage());
            return;
        }
        OrderPlaced order = failed.order();
        if (attempts.settled(order.orderId()) || archives.contains(order.orderId())) {
            attempts.record(Attempt.ok(order.orderId(), order.activityId(), STAGE, 0, Duration.ZERO,
                    "SKIPPED_SETTLED", "dlq", clock.instant()), false);
            return;
        }
        int attempt = attempts.count(order.orderId(), STAGE) + 1;
        ReleaseOutcome outcome;
        try {
            outcome = reservations.release(new SaleId(order.activityId()), new OrderId(order.orderId()), REASON);
        } catch (RuntimeException e) {
            failedAttempt(failed, record.value(), attempt, Attempt.failed(order.orderId(), order.activityId(), STAGE,
                    attempt, settings.interval(), "FAILED", e, "dlq", clock.instant()));
            return;
        }
        if (outcome.settled() || outcome == ReleaseOutcome.ALREADY_CONFIRMED) {
            // ALREADY_CONFIRMED: a late placement won, the order is in MySQL: nothing to undo.
            attempts.settle(Attempt.ok(order.orderId(), order.activityId(), STAGE, attempt, Duration.ZERO,
                    outcome.name(), "dlq", clock.instant()));
            return;
        }
        Attempt refused = new Attempt(order.orderId(), order.activityId(), STAGE, attempt, Duration.ZERO,
                outcome.name(), null, "release answered " + outcome, "dlq", clock.instant());
        failedAttempt(failed, record.value(), outcome == ReleaseOutcome.UNKNOWN_ORDER ? settings.maxAttempts() : attempt,
                refused);
    }

    /** Records the failure; archives on the last try, otherwise throws so the record comes again. */
    private void failedAttempt(OrderFailed failed, String payload, int attempt, Attempt a) {
        attempts.record(a, false);
        pending.failed(a);
        OrderPlaced order = failed.order();
        if (attempt < settings.maxAttempts()) {
            alerts.raise(Alert.warning("Compensation failed, will retry", "Release of order " + order.orderId()
                    + " failed (" + a.errorLine() + "), try " + attempt + " of " + settings.maxAttempts(),
                    order.orderId(), order.activityId(), a.at()));
            throw new CompensationPending(order.orderId(), attempt);
        }
        PendingCompensations.Pending record = pending.find(order.orderId()).orElse(null);
        boolean archived = archives.archive(order.orderId(), order.activityId(), payload, failed.reason(),
                record == null ? attempt : record.attempts(), record == null ? a.errorLine() : record.firstError(),
                a.errorLine());
        if (archived) {
            alerts.raise(Alert.urgent("Order archived", "Order " + order.orderId() + " could not be compensated ("
                    + a.errorLine() + "); it is in the failed-order archive for ops", order.orderId(),
                    order.activityId(), a.at()));
        }
    }

    /** The compensation failed this time; the DLQ record is redelivered after the interval. */
    static class CompensationPending extends RuntimeException {

        CompensationPending(long orderId, int attempt) {
            super("compensation of order " + orderId + " failed on try " + attempt + ", will retry");
        }
    }
}
