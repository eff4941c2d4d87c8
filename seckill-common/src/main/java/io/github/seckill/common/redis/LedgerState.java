package io.github.seckill.common.redis;

/** States of a reservation in the ledger. */
public enum LedgerState {
    /** Stock taken in Redis, order not yet in MySQL. */
    RESERVED,
    /** Held by a running global transaction. */
    TRYING,
    /** The global transaction committed: the order is in MySQL. */
    CONFIRMED,
    /** Stock given back; the entry keeps the reason. */
    RELEASED
}
