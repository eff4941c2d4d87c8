package io.github.seckill.order.lifecycle;

import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.order.orders.OrderRows;

/**
 * Marks an order PAID outside any global transaction, but under Seata's global lock: while a
 * cancel holds the order's row in its global transaction, this waits, so it never writes between
 * the cancel's local commit and a rollback that would restore the row.
 */
@Component
class PaidMark {

    private final OrderRows rows;

    PaidMark(OrderRows rows) {
        this.rows = rows;
    }

    @GlobalLock
    @Transactional
    public boolean mark(long orderId) {
        return rows.transition(orderId, OrderStatus.CREATED, OrderStatus.PAID, null);
    }
}
