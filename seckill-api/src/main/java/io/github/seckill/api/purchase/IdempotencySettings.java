package io.github.seckill.api.purchase;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl   how long an Idempotency-Key's answer is kept for replays
 * @param maxWait how long a copy waits for the first request with its key to finish before answering 409
 * @param lease after this long a first request that never finished (its instance died) is taken over:
 *              its order is answered if the ledger has it, else the purchase runs anew
 */
@ConfigurationProperties("seckill.idempotency")
record IdempotencySettings(@DefaultValue("24h") Duration ttl, @DefaultValue("5s") Duration maxWait,
        @DefaultValue("30s") Duration lease) {
}
