package io.github.seckill.order.events;

import java.util.Objects;

import io.github.seckill.common.order.OrderStatus;

/**
 * A status event in the outbox, not yet acknowledged by Kafka.
 *
 * @param payload the {@code OrderStatusChanged} as it is published (JSON)
 * @param xid     the global transaction that wrote it; null for a local transaction
 */
record PendingEvent(long orderId, OrderStatus status, String payload, String xid) {

    PendingEvent {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(payload, "payload");
    }
}
