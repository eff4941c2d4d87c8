package io.github.seckill.common.redis;

import java.time.Instant;

/**
 * An accepted order whose reservation was released: it ended FAILED and never reached MySQL. A purchase
 * withdrawn before its shopper was answered is none of these.
 *
 * @param payload    the order as published (JSON)
 * @param releasedAt when it was released, or null for an entry released before the ledger kept the time
 */
public record ReleasedOrder(long orderId, String payload, String reason, Instant releasedAt) {
}
