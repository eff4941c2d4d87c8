package io.github.seckill.order.events;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.messaging.OrderStatusChanged;
import io.github.seckill.common.order.OrderStatus;

/**
 * Status changes for {@code seckill.order.events}, written to the outbox in the transaction of the change
 * itself (ADR 14): a change that rolls back leaves no event, one that commits cannot lose its event.
 * {@link OrderEventRelay} sends them once the transaction ended and Kafka is there.
 */
@Component
public class OrderEvents {

    private final PendingEvents pending;
    private final ObjectMapper json;
    private final Clock clock;

    OrderEvents(PendingEvents pending, ObjectMapper json, Clock clock) {
        this.pending = pending;
        this.json = json;
        this.clock = clock;
    }

    /** The orders of a batch are CREATED by global transaction {@code xid}: one row for them all. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void created(List<OrderPlaced> orders, String xid) {
        pending.insert(PendingEvent.of(OrderStatus.CREATED, orders.stream().map(o -> message(o.orderId(),
                o.activityId(), o.userId(), OrderStatus.CREATED, null)).toList(), xid));
    }

    /** The order moved to {@code status} in the current transaction, global ({@code xid}) or local (null). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(long orderId, long activityId, long userId, OrderStatus status, String reason, String xid) {
        pending.insert(PendingEvent.of(status, List.of(message(orderId, activityId, userId, status, reason)), xid));
    }

    /**
     * The order ended FAILED (it has no MySQL row): recorded in the current local transaction, once however
     * often the refusal is repeated.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void failed(OrderPlaced order, String reason) {
        pending.insertOnce(PendingEvent.of(OrderStatus.FAILED, List.of(message(order.orderId(), order.activityId(),
                order.userId(), OrderStatus.FAILED, reason)), null));
    }

    private PendingEvent.Message message(long orderId, long activityId, long userId, OrderStatus status,
            String reason) {
        OrderStatusChanged event = new OrderStatusChanged(orderId, activityId, userId, status, reason,
                clock.instant());
        try {
            return new PendingEvent.Message(orderId, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event + " not serialisable", e);
        }
    }
}
