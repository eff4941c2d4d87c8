package io.github.seckill.api.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits, shared by every instance through Redis (Bucket4j). Each is a {@link Rate}
 * ({@code capacity/period}, or {@code off}).
 *
 * @param global    purchase admission of the whole service: size it to what Redis and Kafka take
 * @param sale      purchases per sale
 * @param user      purchases per shopper: a human clicks a few times, a script hundreds
 * @param ip        purchases per client address; generous, since many shoppers can share one NAT
 * @param authIp    register, login and refresh per client address (password guessing)
 * @param syncEvery the global and per-sale buckets are hot keys: each instance takes up to this many tokens
 *                  from Redis at once and hands them out itself, so the instances together admit at most the
 *                  bucket's rate, and under-admit by at most this much each
 * @param syncAfter ... and drops those it has not handed out after this long
 * @param timeout   longest wait for Redis's answer; past it the request is answered 503
 */
@ConfigurationProperties("seckill.limits")
record LimitSettings(@DefaultValue("20000/1s") Rate global, @DefaultValue("10000/1s") Rate sale,
        @DefaultValue("5/1s") Rate user, @DefaultValue("200/1s") Rate ip, @DefaultValue("300/1m") Rate authIp,
        @DefaultValue("50") long syncEvery, @DefaultValue("1s") Duration syncAfter,
        @DefaultValue("500ms") Duration timeout) {
}
