package io.github.seckill.api.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.seckill.api.infra.Breakers;
import io.github.seckill.api.web.Problem;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.redis.NodeKeys;
import io.github.seckill.common.redis.RedisKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Admission by token buckets kept in Redis (Bucket4j), so every instance draws from the same buckets: any
 * empty bucket refuses the request with 429 and the wait until it refills. The hot ones, global and per
 * sale, are drawn from in chunks ({@link PrepaidTokens}). Refusals are counted as
 * {@code seckill_rate_limit_refusals_total{limit}}. The shopper's own bucket is {@link ShopperLimit}'s,
 * taken with the Idempotency-Key's claim.
 */
@Component
public class RateLimits {

    private final AsyncProxyManager<byte[]> buckets;
    private final LimitSettings settings;
    private final Breakers breakers;
    private final RedisKeys keys;
    private final NodeKeys platform;
    private final PrepaidTokens global;
    /** This instance's share of each hot per-sale bucket, kept while the sale is bought from. */
    private final Cache<Long, PrepaidTokens> sales = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    RateLimits(AsyncProxyManager<byte[]> buckets, LimitSettings settings, Breakers breakers, MeterRegistry meters,
            RedisKeys keys) {
        this.buckets = buckets;
        this.settings = settings;
        this.breakers = breakers;
        this.meters = meters;
        this.keys = keys;
        this.platform = keys.shared();
        this.global = prepaid(platform.globalRateLimit(), settings.global());
    }

    /**
     * Global, per-sale and per-address admission of one purchase, in that order; the shopper's own is
     * {@link ShopperLimit}'s. The global and per-sale tokens come from this instance's share, the address's
     * from Redis.
     */
    public void admitPurchase(long saleId, String clientIp) {
        if (settings.global().enabled()) {
            refuseUnless("global", global.take());
        }
        if (settings.sale().enabled()) {
            refuseUnless("sale", sales.get(saleId, id -> prepaid(keys.activity(id).rateLimit(), settings.sale()))
                    .take());
        }
        if (settings.ip().enabled()) {
            admit(List.of(new Attempt("ip", settings.ip(), () -> exact(platform.ipRateLimit(clientIp),
                    settings.ip()))));
        }
    }

    private void refuseUnless(String limit, long waitNanos) {
        if (waitNanos > 0) {
            throw refusal(limit, waitNanos);
        }
    }

    /** Register, login and refresh per client address. */
    public void admitAuth(String clientIp) {
        admit(List.of(new Attempt("auth_ip", settings.authIp(),
                () -> exact(platform.authRateLimit(clientIp), settings.authIp()))));
    }

    private void admit(List<Attempt> attempts) {
        Refused refused = breakers.redis().executeSupplier(() -> consume(attempts));
        if (refused != null) {
            throw refusal(refused.limit(), refused.waitNanos());
        }
    }

    /** The 429 of {@code limit}, counted, with Retry-After the wait for its next token in whole seconds. */
    Problem refusal(String limit, long waitNanos) {
        refusals.computeIfAbsent(limit, l -> Counter.builder("seckill.rate.limit.refusals")
                .tag("limit", l).description("requests refused by a rate limit").register(meters)).increment();
        return new Problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many requests",
                "the " + limit.replace('_', ' ') + " rate limit is reached; retry later",
                Map.of("limit", limit), Duration.ofNanos(waitNanos).plusMillis(999));
    }

    private Refused consume(List<Attempt> attempts) {
        List<CompletableFuture<ConsumptionProbe>> probes = new ArrayList<>(attempts.size());
        List<Attempt> started = new ArrayList<>(attempts.size());
        for (Attempt attempt : attempts) {
            if (attempt.rate().enabled()) {
                probes.add(attempt.bucket().get().tryConsumeAndReturnRemaining(1));
                started.add(attempt);
            }
        }
        Refused refused = null;
        for (int i = 0; i < probes.size(); i++) {
            ConsumptionProbe probe = BucketAnswers.await(probes.get(i), settings.timeout());
            if (!probe.isConsumed() && (refused == null || probe.getNanosToWaitForRefill() > refused.waitNanos())) {
                refused = new Refused(started.get(i).limit(), probe.getNanosToWaitForRefill());
            }
        }
        return refused;
    }

    private PrepaidTokens prepaid(String key, Rate rate) {
        return rate.enabled() ? new PrepaidTokens(exact(key, rate), rate, settings.syncEvery(), settings.syncAfter(),
                settings.timeout(), breakers.redis()) : null;
    }

    private AsyncBucketProxy exact(String key, Rate rate) {
        return buckets.builder().build(bytes(key), () -> CompletableFuture.completedFuture(configuration(rate)));
    }

    private static BucketConfiguration configuration(Rate rate) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(rate.capacity()).refillGreedy(rate.capacity(), rate.period()))
                .build();
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private record Attempt(String limit, Rate rate, java.util.function.Supplier<AsyncBucketProxy> bucket) {
    }

    private record Refused(String limit, long waitNanos) {
    }
}
