package io.github.seckill.common.order;

/** An order's status as shoppers and admins see it. */
public enum OrderStatus {
    /** Reserved in Redis, not yet in MySQL. */
    PENDING,
    /** In MySQL, awaiting payment. */
    CREATED,
    PAID,
    CANCELLED,
    /** Refused after the reservation (the reason says why). */
    FAILED
}
