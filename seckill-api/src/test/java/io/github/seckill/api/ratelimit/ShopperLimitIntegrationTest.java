package io.github.seckill.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.api.infra.Breakers;
import io.github.seckill.api.web.Problem;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.redis.RedisKeys;

/** The shopper's bucket and the Idempotency-Key claim in one script ({@code lua/shopper-admit.lua}), on real Redis. */
class ShopperLimitIntegrationTest extends ApiTestSupport {

    private static final AtomicLong USERS = new AtomicLong(System.nanoTime() % 1_000_000 + 7_000_000);
    private static final Duration TTL = Duration.ofMinutes(1);

    @Autowired
    RateLimits limits;
    @Autowired
    Breakers breakers;
    @Autowired
    RedisKeys keys;

    private ShopperLimit limit(String rate) {
        LimitSettings settings = new LimitSettings(Rate.OFF, Rate.OFF, Rate.valueOf(rate), Rate.OFF, Rate.OFF, 50,
                Duration.ofMillis(50), Duration.ofSeconds(5));
        return new ShopperLimit(redis, keys, settings, limits, breakers);
    }

    @Test
    void aShopperGetsTheBucketsCapacityThenA429SayingWhenTheNextTokenComes() {
        ShopperLimit limit = limit("3/1h");
        UserId user = new UserId(USERS.incrementAndGet());
        for (int i = 0; i < 3; i++) {
            limit.admit(user);
        }

        assertThatThrownBy(() -> limit.admit(user)).isInstanceOfSatisfying(Problem.class, refused -> {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refused.getBody().getType()).hasToString("urn:seckill:problem:rate-limited");
            assertThat(refused.getBody().getProperties()).containsEntry("limit", "user");
            assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                    .as("a token every 20 minutes").isBetween(1_198L, 1_201L);
        });
        String bucket = keys.user(user.value()).rateLimit();
        assertThat(Double.parseDouble((String) redis.opsForHash().get(bucket, "tokens"))).isLessThan(0.01);
        assertThat(redis.getExpire(bucket, TimeUnit.SECONDS)).as("kept only until full again")
                .isBetween(3_590L, 3_601L);
        limit.admit(new UserId(USERS.incrementAndGet())); // another shopper's bucket is full
    }

    @Test
    void theBucketRefillsOnRedisClock() {
        ShopperLimit limit = limit("2/2s");
        UserId user = new UserId(USERS.incrementAndGet());
        limit.admit(user);
        limit.admit(user);
        assertThatThrownBy(() -> limit.admit(user)).isInstanceOf(Problem.class);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).ignoreException(Problem.class)
                .untilAsserted(() -> limit.admit(user));
        assertThatThrownBy(() -> limit.admit(user)).as("one token came back, not two").isInstanceOf(Problem.class);
    }

    @Test
    void theClaimIsTakenOnceAndAnsweredWithWhatItHolds() {
        ShopperLimit limit = limit("5/1h");
        UserId user = new UserId(USERS.incrementAndGet());
        String slot = keys.user(user.value()).idempotency("k1");

        assertThat(limit.admit(user, slot, "first", TTL)).isEmpty();
        assertThat(limit.admit(user, slot, "second", TTL)).contains("first");

        assertThat(redis.opsForValue().get(slot)).isEqualTo("first");
        assertThat(redis.getExpire(slot)).isBetween(55L, 60L);
        assertThat(Double.parseDouble((String) redis.opsForHash().get(keys.user(user.value()).rateLimit(), "tokens")))
                .as("each call took a token").isBetween(2.99, 3.01);
    }

    @Test
    void aRefusedRequestClaimsNothing() {
        ShopperLimit limit = limit("1/1h");
        UserId user = new UserId(USERS.incrementAndGet());
        limit.admit(user);
        String slot = keys.user(user.value()).idempotency("late");

        assertThatThrownBy(() -> limit.admit(user, slot, "claim", TTL)).isInstanceOf(Problem.class);

        assertThat(redis.hasKey(slot)).isFalse();
    }

    @Test
    void offTakesNoTokenButStillClaims() {
        ShopperLimit limit = limit("off");
        UserId user = new UserId(USERS.incrementAndGet());
        String slot = keys.user(user.value()).idempotency("k");

        assertThat(limit.admit(user, slot, "claim", TTL)).isEmpty();

        assertThat(redis.hasKey(keys.user(user.value()).rateLimit())).isFalse();
        assertThat(redis.opsForValue().get(slot)).isEqualTo("claim");
    }
}
