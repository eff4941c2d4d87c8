package io.github.seckill.order.placement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.seckill.common.messaging.OrderPlaced;

/** What the listener hands to placement from a poll, and when it lets the poll's offsets go. */
class OrderPlacedListenerTest {

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    private final Placement placement = mock(Placement.class);
    private final Acknowledgment ack = mock(Acknowledgment.class);
    private final OrderPlacedListener listener = new OrderPlacedListener(placement, json);
    private long offset;

    private static OrderPlaced order(long id) {
        return OrderPlaced.of(id, 5, 100 + id, 1, new BigDecimal("19.90"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private ConsumerRecord<String, String> record(int partition, String value) {
        return new ConsumerRecord<>("seckill.order.placed", partition, offset++, "key", value);
    }

    private ConsumerRecord<String, String> record(int partition, OrderPlaced order) throws Exception {
        return record(partition, json.writeValueAsString(order));
    }

    @Test
    void unreadableRecordsAreSkippedAndThePollIsAcknowledgedWithTheRest() throws Exception {
        String invalidOrder = json.writeValueAsString(order(9)).replace("\"quantity\":1", "\"quantity\":0");

        listener.on(List.of(record(0, order(1)), record(0, "{not json"), record(1, order(2)), record(0, invalidOrder),
                record(0, order(3))), ack);

        verify(placement).place(List.of(order(1), order(3)), 0);
        verify(placement).place(List.of(order(2)), 1);
        verify(ack).acknowledge();
        verifyNoMoreInteractions(placement, ack);
    }

    @Test
    void aPollOfNothingReadableIsAcknowledgedAndPlacesNothing() {
        listener.on(List.of(record(2, "{not json"), record(2, "")), ack);

        verifyNoInteractions(placement);
        verify(ack).acknowledge();
    }

    @Test
    void aPollWhoseOutcomeCouldNotBeSettledIsNotAcknowledged() throws Exception {
        willThrow(new IllegalStateException("could not publish to the ladder")).given(placement).place(any(), anyInt());

        assertThatThrownBy(() -> listener.on(List.of(record(0, order(1))), ack))
                .hasMessage("could not publish to the ladder");

        verifyNoInteractions(ack); // the error handler redelivers the poll (PlacementRedelivery)
    }
}
