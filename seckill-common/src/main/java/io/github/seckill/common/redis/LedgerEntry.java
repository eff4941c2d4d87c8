package io.github.seckill.common.redis;

import io.github.seckill.common.messaging.KafkaPosition;

/**
 * One reservation as the ledger holds it.
 *
 * @param payload the order as published (JSON), the outbox copy
 * @param reason  why it was released, or null
 * @param sent    where Kafka acknowledged its {@code OrderPlaced}, or null while no send was acknowledged
 * @param xid     the global transaction holding it (TRYING), or null
 */
public record LedgerEntry(long orderId, long userId, int quantity, LedgerState state, String payload,
        String reason, KafkaPosition sent, String xid) {
}
