package io.github.seckill.api.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import io.github.seckill.common.redis.RedisKeys;

/**
 * Refresh tokens are good for one refresh (rotation): a token is spent by recording its id in Redis
 * until it would expire anyway, so a stolen and replayed token is refused.
 */
@Component
class SpentRefreshTokens {

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final RedisKeys keys;

    SpentRefreshTokens(StringRedisTemplate redis, Clock clock, RedisKeys keys) {
        this.redis = redis;
        this.clock = clock;
        this.keys = keys;
    }

    /** True for the first use of the token, false for every later one. */
    boolean spend(long userId, String tokenId, Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (tokenId == null || left.isNegative() || left.isZero()) {
            return false;
        }
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(keys.user(userId).refreshToken(tokenId), "spent",
                left));
    }
}
