package io.github.seckill.common.redis;

/** States of a reservation in the ledger. */
public enum LedgerState {
    /** Stock taken in Redis, order not yet in MySQL. */
    RESERVED,
    /** Held by a running global transaction. */
    TRYING,
    /** The global transaction committed: the order is in MySQL. */
    CONFIRMED,
    /**
     * Stock given back before the order reached MySQL; the entry keeps the reason (order FAILED) and the
     * sale's failed-order counter counted it once.
     */
    RELEASED,
    /** A created order is being cancelled by a global transaction; stock not yet back. */
    CANCELLING,
    /** A created order was cancelled: stock and buyer quota are back. */
    CANCELLED
}
