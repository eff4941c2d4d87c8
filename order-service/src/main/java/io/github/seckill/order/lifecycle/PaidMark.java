package io.github.seckill.order.lifecycle;

import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.github.seckill.order.events.OrderEvents;
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.orders.StoredOrder;
import io.github.seckill.order.orders.Transition;

/**
 * Marks an order PAID outside any global transaction, but under Seata's global lock: while a
 * cancel holds the order's row in its global transaction, this waits, so it never writes between
 * the cancel's local commit and a rollback that would restore the row. The PAID event goes to the outbox
 * in the same local transaction (ADR 14).
 */
@Component
class PaidMark {

    private final OrderRows rows;
    private final OrderEvents events;

    PaidMark(OrderRows rows, OrderEvents events) {
        this.rows = rows;
        this.events = events;
    }

    @GlobalLock
    @Transactional
    public boolean mark(StoredOrder order, Transition paying) {
        if (!rows.apply(paying)) {
            return false;
        }
        events.changed(order.orderId(), order.activityId(), order.userId(), paying.to(), paying.reason(), null);
        return true;
    }
}
