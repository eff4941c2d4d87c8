package io.github.seckill.order.placement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reservations held by a global transaction that never settled them (see {@link HangingTries}).
 *
 * @param interval how often they are looked for (one replica at a time)
 * @param after    only reservations older than this are looked at: younger ones are in a transaction under way
 * @param window   sales that ended this long ago are still looked at
 */
@ConfigurationProperties("seckill.hanging-tries")
record HangingTrySettings(@DefaultValue("60s") Duration interval, @DefaultValue("2m") Duration after,
        @DefaultValue("1h") Duration window) {
}
