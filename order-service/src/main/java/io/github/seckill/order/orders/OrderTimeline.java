package io.github.seckill.order.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.seckill.common.order.OrderStatus;

/**
 * When an order moved, and under which global transaction it was written. The lifecycle has at
 * most three steps (placed, created, then paid or ended; a failed order: placed, failed), so the history is read off the row's
 * times rather than kept in a table of its own.
 */
public record OrderTimeline(String xid, Instant placedAt, Instant createdAt, Instant paidAt, Instant updatedAt) {

    public record Step(OrderStatus status, Instant at) {
    }

    /** The order's steps, oldest first, ending in {@code current}. */
    public List<Step> history(OrderStatus current) {
        List<Step> steps = new ArrayList<>(4);
        steps.add(new Step(OrderStatus.PENDING, placedAt));
        if (createdAt != null) { // a failed order never was
            steps.add(new Step(OrderStatus.CREATED, createdAt));
        }
        if (paidAt != null) {
            steps.add(new Step(OrderStatus.PAID, paidAt));
        }
        if (current != OrderStatus.CREATED && current != OrderStatus.PAID) {
            steps.add(new Step(current, updatedAt));
        }
        return steps;
    }
}
