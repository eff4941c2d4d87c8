package io.github.seckill.order.orders;

import java.math.BigDecimal;

import io.github.seckill.common.order.OrderStatus;

/** An order as MySQL holds it. The lifecycle's transitions are decided here. */
public record StoredOrder(long orderId, long activityId, long userId, int quantity, BigDecimal amount,
        OrderStatus status, String reason, OrderTimeline timeline) {

    /** Whether the order may be paid now; a PAID order is answered as it is (idempotent). */
    public void requirePayable() {
        if (status != OrderStatus.CREATED && status != OrderStatus.PAID) {
            throw new OrderStateConflict(orderId, status, "paid");
        }
    }

    /** Whether the order may be cancelled now; a CANCELLED order is answered as it is (idempotent). */
    public void requireCancellable() {
        if (status != OrderStatus.CREATED && status != OrderStatus.CANCELLED) {
            throw new OrderStateConflict(orderId, status, "cancelled");
        }
    }

    public boolean belongsTo(long user) {
        return userId == user;
    }
}
