package io.github.seckill.admin.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force guard of every login (form and HTTP Basic).
 *
 * @param maxFailures consecutive wrong passwords that lock an account (default 5)
 * @param lockFor     how long it stays locked (default 15 minutes)
 */
@ConfigurationProperties("seckill.admin.login")
record LoginSettings(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration lockFor) {

    LoginSettings {
        if (maxFailures < 1 || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("seckill.admin.login: max-failures >= 1 and a positive lock-for");
        }
    }
}
