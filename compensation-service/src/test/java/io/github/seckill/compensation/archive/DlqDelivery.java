package io.github.seckill.compensation.archive;

import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.seckill.common.messaging.OrderFailed;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.compensation.alerts.Alerts;
import io.github.seckill.compensation.ladder.AttemptLog;
import io.github.seckill.compensation.ladder.PendingCompensations;

/** One {@link DlqListener} (three tries, 5 s apart) with its collaborators mocked, and the DLQ record it gets. */
final class DlqDelivery {

    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final OrderPlaced ORDER = OrderPlaced.of(4_200_000_002L, 78, 7, 1, new BigDecimal("19.90"), NOW);

    final Reservations reservations = mock(Reservations.class);
    final AttemptLog attempts = mock(AttemptLog.class);
    final PendingCompensations pending = mock(PendingCompensations.class);
    final Archives archives = mock(Archives.class);
    final Alerts alerts = mock(Alerts.class);
    final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    final DlqListener listener = new DlqListener(reservations, attempts, pending, archives, alerts,
            new DlqSettings(3, INTERVAL), json, Clock.fixed(NOW, ZoneOffset.UTC));
    final String payload = payload();

    private String payload() {
        try {
            return json.writeValueAsString(new OrderFailed(ORDER, "Seata TC unreachable",
                    "io.seata.common.exception.FrameworkException", NOW));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void deliver() {
        deliver(payload);
    }

    void deliver(String value) {
        listener.onExhausted(new ConsumerRecord<>("seckill.order.dlq", 0, 9, Long.toString(ORDER.orderId()), value));
    }
}
