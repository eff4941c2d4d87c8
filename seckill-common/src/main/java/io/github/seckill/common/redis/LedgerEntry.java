package io.github.seckill.common.redis;

/**
 * One reservation as the ledger holds it.
 *
 * @param payload the order as published (JSON), the outbox copy
 * @param reason  why it was released, or null
 */
public record LedgerEntry(long orderId, long userId, int quantity, LedgerState state, String payload,
        String reason) {
}
