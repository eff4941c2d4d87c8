package io.github.seckill.compensation.ladder;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ladder's shape at start.
 *
 * @param delays   the policy until ops change it (default 10 s, 30 s, 60 s); a stored policy wins
 * @param maxRungs retry topics created at start ({@code <order-failed>-retry-0..n-1}): the most
 *                 delays a policy may ever have without a restart
 */
@ConfigurationProperties("seckill.ladder")
record LadderSettings(@DefaultValue({ "10s", "30s", "60s" }) List<Duration> delays, @DefaultValue("5") int maxRungs) {

    LadderSettings {
        if (maxRungs < 1 || maxRungs > 20) {
            throw new IllegalArgumentException("seckill.ladder.max-rungs must be 1..20: " + maxRungs);
        }
    }
}
