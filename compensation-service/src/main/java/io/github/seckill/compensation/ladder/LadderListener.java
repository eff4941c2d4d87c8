package io.github.seckill.compensation.ladder;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.KafkaConsumerBackoffManager;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderFailed;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.orderservice.OrderServiceException;
import io.github.seckill.common.orderservice.Redriven;
import io.github.seckill.compensation.infra.TopicSettings;

/**
 * Each rung of the ladder: waits the policy's delay for this rung (pausing the partition, not the
 * thread), re-drives the order through order-service, and records the attempt. A settled order ends
 * here; otherwise the exception sends the record to the next rung, or to the DLQ after the last.
 */
@Component
class LadderListener {

    private static final String STAGE = "LADDER";
    private static final String RETRY = "-retry-";

    private final Redrive redrive;
    private final AttemptLog attempts;
    private final PendingCompensations pending;
    private final RetryPolicies policies;
    private final KafkaConsumerBackoffManager backoff;
    private final TopicSettings topics;
    private final ObjectMapper json;
    private final Clock clock;

    LadderListener(Redrive redrive, AttemptLog attempts, PendingCompensations pending, RetryPolicies policies,
            KafkaConsumerBackoffManager backoff, TopicSettings topics, ObjectMapper json, Clock clock) {
        this.redrive = redrive;
        this.attempts = attempts;
        this.pending = pending;
        this.policies = policies;
        this.backoff = backoff;
        this.topics = topics;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(id = LadderTopology.LISTENER_ID, topics = "${seckill.topics.order-failed}")
    void onFailed(ConsumerRecord<String, String> record, Consumer<?, ?> consumer) throws JsonProcessingException {
        int attempt = attemptOf(record.topic());
        RetryPolicy policy = policies.current();
        Duration delay = policy.delayBefore(attempt);
        if (attempt > 1) {
            // Throws KafkaBackoffException (partition paused, record sought back) until the rung's delay passed.
            backoff.backOffIfNecessary(backoff.createContext(record.timestamp() + delay.toMillis(),
                    LadderTopology.LISTENER_ID + record.topic().substring(topics.orderFailed().length()),
                    new TopicPartition(record.topic(), record.partition()), consumer));
        }
        OrderPlaced order = json.readValue(record.value(), OrderFailed.class).order();
        if (attempts.settled(order.orderId())) {
            attempts.record(Attempt.ok(order.orderId(), order.activityId(), STAGE, attempt, delay, "SKIPPED_SETTLED",
                    "ladder", clock.instant()), false);
            return;
        }
        Throwable error;
        try {
            Redriven.Outcome outcome = redrive.redrive(order);
            if (outcome.settled()) {
                attempts.settle(Attempt.ok(order.orderId(), order.activityId(), STAGE, attempt, delay, outcome.name(),
                        "ladder", clock.instant()));
                return;
            }
            error = null;
            fail(Attempt.ok(order.orderId(), order.activityId(), STAGE, attempt, delay, outcome.name(), "ladder",
                    clock.instant()));
        } catch (OrderServiceException e) {
            error = Redrive.cause(e);
            fail(Attempt.failed(order.orderId(), order.activityId(), STAGE, attempt, delay, "FAILED", error, "ladder",
                    clock.instant()));
        }
        if (attempt >= policy.maxAttempts()) {
            throw new LadderExhausted(order.orderId(), attempt, error);
        }
        throw new RedriveFailed(order.orderId(), attempt, error);
    }

    private void fail(Attempt attempt) {
        attempts.record(attempt, false);
        pending.failed(attempt);
    }

    /** 1 on the main topic, n + 2 on {@code <topic>-retry-n}. */
    private int attemptOf(String topic) {
        int at = topic.lastIndexOf(RETRY);
        if (at < 0 || !topic.startsWith(topics.orderFailed() + RETRY)) {
            return 1;
        }
        return Integer.parseInt(topic.substring(at + RETRY.length())) + 2;
    }
}
