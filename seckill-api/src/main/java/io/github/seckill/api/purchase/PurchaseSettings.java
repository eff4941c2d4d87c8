package io.github.seckill.api.purchase;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendTimeout     longest wait for Kafka's ack of {@code OrderPlaced}; past it the reservation is released
 * @param nodeLease       how long this instance's order-id node is leased in Redis without a renewal
 *                        (renewed every third of it)
 * @param retryAfter      what {@code Retry-After} says when the purchase path is unavailable
 * @param soldOutFlagTtl  how long a local sold-out flag holds without a restock announcement
 * @param clockSkew       tolerance between this clock and Redis's: the sale window is checked in memory
 *                        only this far from its edges, Redis's clock decides within them
 * @param replicaAcks     how many replicas of the sale's Redis master must hold a reservation before its
 *                        202 (Redis WAIT, ADR 17); 0, the default, does not wait (a Redis without replicas)
 * @param replicaAckTimeout how long the 202 waits for them; past it the purchase is answered 202 all the same
 *                        and counted as {@code seckill_purchase_unreplicated_total}
 */
@ConfigurationProperties("seckill.purchase")
record PurchaseSettings(@DefaultValue("800ms") Duration sendTimeout, @DefaultValue("30s") Duration nodeLease,
        @DefaultValue("1s") Duration retryAfter, @DefaultValue("5s") Duration soldOutFlagTtl,
        @DefaultValue("1s") Duration clockSkew, @DefaultValue("0") int replicaAcks,
        @DefaultValue("50ms") Duration replicaAckTimeout) {
}
