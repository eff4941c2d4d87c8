package io.github.seckill.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.api.infra.Breakers;
import io.github.seckill.api.web.Problem;
import io.github.seckill.common.redis.RedisKeys;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The hot shared buckets drawn from in chunks, by two instances of the limits on one real Redis: together
 * they admit the bucket's capacity and not one purchase more, and a chunk left unused goes stale.
 */
class PrepaidTokensIntegrationTest extends ApiTestSupport {

    private static final AtomicLong SALES = new AtomicLong(System.nanoTime() % 1_000_000 + 8_000_000);

    @Autowired
    AsyncProxyManager<byte[]> buckets;
    @Autowired
    Breakers breakers;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RedisKeys keys;

    private RateLimits instance(String saleRate, long chunk, Duration freshFor) {
        LimitSettings settings = new LimitSettings(Rate.OFF, Rate.valueOf(saleRate), Rate.OFF, Rate.OFF, Rate.OFF,
                chunk, freshFor, Duration.ofSeconds(5));
        return new RateLimits(buckets, settings, breakers, meters, keys);
    }

    private long leftInRedis(long sale, String rate) throws Exception {
        Rate r = Rate.valueOf(rate);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(r.capacity()).refillGreedy(r.capacity(), r.period())).build();
        return buckets.builder().build(keys.activity(sale).rateLimit().getBytes(StandardCharsets.UTF_8),
                () -> CompletableFuture.completedFuture(configuration)).getAvailableTokens().get();
    }

    @Test
    void twoInstancesTogetherAdmitTheSalesCapacityAndNoMore() throws Exception {
        long sale = SALES.incrementAndGet();
        RateLimits a = instance("100/1h", 10, Duration.ofMinutes(5));
        RateLimits b = instance("100/1h", 10, Duration.ofMinutes(5));

        for (int i = 0; i < 50; i++) {
            a.admitPurchase(sale, "10.0.0.1");
            b.admitPurchase(sale, "10.0.0.2");
        }

        assertThat(leftInRedis(sale, "100/1h")).isZero();
        for (RateLimits instance : new RateLimits[] {a, b}) {
            assertThatThrownBy(() -> instance.admitPurchase(sale, "10.0.0.3"))
                    .isInstanceOfSatisfying(Problem.class, refused -> {
                        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                        assertThat(refused.getBody().getProperties()).containsEntry("limit", "sale");
                        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                                .as("one token every 36 s").isEqualTo("36");
                    });
        }
        a.admitPurchase(SALES.incrementAndGet(), "10.0.0.1"); // another sale's bucket
    }

    @Test
    void aChunkTakesTokensFromRedisOnceForManyPurchases() throws Exception {
        long sale = SALES.incrementAndGet();
        RateLimits a = instance("1000/1h", 50, Duration.ofMinutes(5));

        a.admitPurchase(sale, "10.0.0.1");
        assertThat(leftInRedis(sale, "1000/1h")).isEqualTo(950);
        for (int i = 0; i < 49; i++) {
            a.admitPurchase(sale, "10.0.0.1");
        }
        assertThat(leftInRedis(sale, "1000/1h")).as("49 more from the chunk").isEqualTo(950);

        a.admitPurchase(sale, "10.0.0.1");
        assertThat(leftInRedis(sale, "1000/1h")).isEqualTo(900);
    }

    @Test
    void tokensLeftInAStaleChunkAreDroppedNotHandedOutLate() throws Exception {
        long sale = SALES.incrementAndGet();
        RateLimits a = instance("1000/1h", 50, Duration.ofMillis(200));
        a.admitPurchase(sale, "10.0.0.1");
        assertThat(leftInRedis(sale, "1000/1h")).isEqualTo(950);
        AtomicInteger purchases = new AtomicInteger(1);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            a.admitPurchase(sale, "10.0.0.1");
            purchases.incrementAndGet();
            return leftInRedis(sale, "1000/1h") == 900;
        });

        assertThat(purchases.get()).as("a fresh chunk before the first was used up").isLessThan(50);
    }
}
