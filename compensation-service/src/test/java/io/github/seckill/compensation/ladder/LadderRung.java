package io.github.seckill.compensation.ladder;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.kafka.listener.KafkaConsumerBackoffManager;

import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.seckill.common.messaging.OrderFailed;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.compensation.infra.TopicSettings;

/**
 * One {@link LadderListener} with its collaborators mocked, and the failed order it is handed: the
 * rung a record arrives on is its topic ({@code seckill.order.failed}, then {@code -retry-0}...).
 */
final class LadderRung {

    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final long PUBLISHED_AT = NOW.toEpochMilli() - 500;
    static final TopicSettings TOPICS = new TopicSettings("seckill.order.placed", "seckill.order.failed",
            "seckill.order.dlq", 1, (short) 1);
    static final OrderPlaced ORDER = OrderPlaced.of(4_200_000_001L, 77, 7, 1, new BigDecimal("19.90"), NOW);

    final Redrive redrive = mock(Redrive.class);
    final AttemptLog attempts = mock(AttemptLog.class);
    final PendingCompensations pending = mock(PendingCompensations.class);
    final RetryPolicies policies = mock(RetryPolicies.class);
    final KafkaConsumerBackoffManager backoff = mock(KafkaConsumerBackoffManager.class);
    final Consumer<?, ?> consumer = mock(Consumer.class);
    final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    final LadderListener listener = new LadderListener(redrive, attempts, pending, policies, backoff, TOPICS, json,
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** The policy of these tests: 10 s, 30 s, 60 s, so four attempts. */
    LadderRung() {
        when(policies.current()).thenReturn(new RetryPolicy(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60))));
        // the real context factory, so the due time and listener id it is given can be read back
        when(backoff.createContext(anyLong(), anyString(), any(), any())).thenCallRealMethod();
    }

    /** The topic of attempt n: the main topic for 1, {@code -retry-(n-2)} after it. */
    static String topicOf(int attempt) {
        return attempt == 1 ? TOPICS.orderFailed() : TOPICS.orderFailed() + "-retry-" + (attempt - 2);
    }

    /** Delivers the failed order as attempt n of the ladder. */
    void deliver(int attempt) throws Exception {
        String value = json.writeValueAsString(new OrderFailed(ORDER, "Seata TC unreachable",
                "io.seata.common.exception.FrameworkException", NOW));
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topicOf(attempt), 0, 41, PUBLISHED_AT,
                TimestampType.CREATE_TIME, 0, 0, Long.toString(ORDER.orderId()), value, new RecordHeaders(),
                Optional.empty());
        listener.onFailed(record, consumer);
    }
}
