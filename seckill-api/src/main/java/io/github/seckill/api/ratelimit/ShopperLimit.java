package io.github.seckill.api.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.github.seckill.api.infra.Breakers;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.redis.LuaScripts;
import io.github.seckill.common.redis.RedisKeys;

/**
 * A shopper's own admission of a purchase in one Redis round trip ({@code lua/shopper-admit.lua}): a token
 * from the shopper's bucket ({@code seckill.limits.user}) and, when the request carries an Idempotency-Key,
 * the key's claim; both keys are under the shopper's hash tag. Bucket4j keeps the shared buckets; it cannot
 * take a token and claim a key in one step, and the two apart were three round trips (ADR 20).
 */
@Component
public class ShopperLimit {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ADMIT = LuaScripts.load("lua/shopper-admit.lua", List.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Rate rate;
    private final RateLimits limits;
    private final Breakers breakers;

    ShopperLimit(StringRedisTemplate redis, RedisKeys keys, LimitSettings settings, RateLimits limits,
            Breakers breakers) {
        this.redis = redis;
        this.keys = keys;
        this.rate = settings.user();
        this.limits = limits;
        this.breakers = breakers;
    }

    /** Takes one of the shopper's tokens, or throws the 429 that says when the next one comes. */
    public void admit(UserId user) {
        run(user, null, null, null);
    }

    /**
     * Takes one of the shopper's tokens and claims {@code slot} with {@code claim} for {@code ttl}: empty when
     * claimed, else what the slot already holds (the token is spent all the same). Throws the 429 when the
     * bucket is empty, having claimed nothing.
     */
    public Optional<String> admit(UserId user, String slot, String claim, Duration ttl) {
        return Optional.ofNullable(run(user, slot, claim, ttl));
    }

    private String run(UserId user, String slot, String claim, Duration ttl) {
        List<String> scriptKeys = new ArrayList<>(2);
        scriptKeys.add(keys.user(user.value()).rateLimit());
        if (slot != null) {
            scriptKeys.add(slot);
        }
        List<?> answer = breakers.redis().executeSupplier(() -> redis.execute(ADMIT, scriptKeys,
                Long.toString(rate.capacity()), Long.toString(rate.period().toMillis()),
                claim == null ? "" : claim, ttl == null ? "0" : Long.toString(ttl.toMillis())));
        return switch ((String) answer.get(0)) {
            case "admitted" -> null;
            case "held" -> (String) answer.get(1);
            case "limited" -> throw limits.refusal("user",
                    Duration.ofMillis(Long.parseLong((String) answer.get(1))).toNanos());
            default -> throw new IllegalStateException("shopper-admit answered " + answer);
        };
    }
}
