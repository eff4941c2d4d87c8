package io.github.seckill.order.events;

import java.util.List;
import java.util.Objects;

import io.github.seckill.common.order.OrderStatus;

/**
 * A row of the outbox, not yet acknowledged by Kafka: the events of one status change, or of one
 * placement batch's CREATED orders.
 *
 * @param orderId     the lowest order id among its events
 * @param lastOrderId the highest
 * @param events      the {@code OrderStatusChanged} messages as they are published (JSON), by order id
 * @param xid         the global transaction that wrote it; null for a local transaction
 */
record PendingEvent(long orderId, long lastOrderId, OrderStatus status, List<Message> events, String xid) {

    /** One message to publish: its key (the order id) and value. */
    record Message(long orderId, String json) {
    }

    PendingEvent {
        Objects.requireNonNull(status, "status");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events");
        }
    }

    static PendingEvent of(OrderStatus status, List<Message> events, String xid) {
        long first = events.stream().mapToLong(Message::orderId).min().orElseThrow();
        long last = events.stream().mapToLong(Message::orderId).max().orElseThrow();
        return new PendingEvent(first, last, status, events, xid);
    }
}
