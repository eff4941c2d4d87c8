package io.github.seckill.compensation.reconcile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis vs MySQL stock reconciliation (ADR 8).
 *
 * @param interval      how often every live sale is checked (one replica at a time)
 * @param repair        whether a stable drift on a quiet sale is repaired; off: reported only
 * @param hangingAfter  a reservation held by a global transaction (TRYING) longer than this counts
 *                      as a hanging transaction ({@code seckill_tx_hanging})
 */
@ConfigurationProperties("seckill.reconciliation")
record ReconciliationSettings(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration interval,
        @DefaultValue("true") boolean repair, @DefaultValue("60s") Duration hangingAfter) {
}
