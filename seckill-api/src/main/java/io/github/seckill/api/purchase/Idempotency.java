package io.github.seckill.api.purchase;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.api.infra.Breakers;
import io.github.seckill.api.web.Problem;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.redis.LuaScripts;
import io.github.seckill.common.redis.RedisKeys;
import io.github.seckill.common.redis.Reservations;

/**
 * Idempotency-Key: the first request with a key claims it in Redis ({@code sk:{u<id>}:idem:<key>}, under
 * the shopper's hash tag) and stores its answer; copies with the same key get that answer replayed, and
 * copies racing it wait (boundedly) for it. The same key with another request is 422. Answers that may
 * pass on retry (429, 5xx) are not kept, so a retry with the same key really retries.
 */
@Component
class Idempotency {

    private static final Logger log = LoggerFactory.getLogger(Idempotency.class);
    private static final RedisScript<Long> SWAP = LuaScripts.load("lua/idempotency-swap.lua", Long.class);

    private final StringRedisTemplate redis;
    private final Reservations reservations;
    private final ObjectMapper json;
    private final IdempotencySettings settings;
    private final Breakers breakers;
    private final PurchaseMetrics metrics;
    private final Clock clock;
    private final RedisKeys keys;

    Idempotency(StringRedisTemplate redis, Reservations reservations, ObjectMapper json, IdempotencySettings settings,
            Breakers breakers, PurchaseMetrics metrics, Clock clock, RedisKeys keys) {
        this.redis = redis;
        this.reservations = reservations;
        this.json = json;
        this.settings = settings;
        this.breakers = breakers;
        this.metrics = metrics;
        this.clock = clock;
        this.keys = keys;
    }

    /** The first claim of a key, made by the caller with whatever else it admits the request by. */
    @FunctionalInterface
    interface FirstClaim {
        /** Claims {@code slot} with {@code claim} for {@code ttl}: empty when claimed, else what it holds. */
        Optional<String> claim(String slot, String claim, Duration ttl);
    }

    /**
     * Runs {@code purchase} once per (shopper, key): the purchase of order {@code order} in {@code sale}.
     *
     * @param request what the key stands for (sale and quantity): another request under the same key is 422
     * @param first   the first attempt at the claim (the shopper's rate limit goes with it)
     */
    ResponseEntity<String> once(SaleId sale, OrderId order, UserId user, String key, String request,
            FirstClaim first, Supplier<Answer> purchase) {
        String slot = keys.user(user.value()).idempotency(key);
        Entry pending = Entry.pending(request, order.value(), sale.value(), clock.millis());
        String claim = write(pending);
        Indexed indexed = new Indexed(keys.user(user.value()).orders(), order, sale);
        Optional<String> held = first.claim(slot, claim, settings.ttl());
        if (held.isEmpty()) {
            return run(slot, claim, pending, indexed, purchase);
        }
        String seen = held.get();
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        long pause = 5;
        while (true) {
            if (seen == null) {
                // finished with an unsettled answer and let go: claim it again
                if (Boolean.TRUE.equals(redis(() -> redis.opsForValue().setIfAbsent(slot, claim,
                        settings.ttl().toMillis(), TimeUnit.MILLISECONDS)))) {
                    return run(slot, claim, pending, indexed, purchase);
                }
                seen = redis(() -> redis.opsForValue().get(slot));
                continue;
            }
            Entry entry = read(seen);
            if (!entry.request().equals(request)) {
                throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key reused", "this Idempotency-Key was used for a different request");
            }
            if (entry.answer() != null) {
                metrics.count("replayed");
                return entry.answer().response(true);
            }
            if (clock.millis() - entry.at() > settings.lease().toMillis()) {
                recover(slot, seen, entry);
                seen = redis(() -> redis.opsForValue().get(slot));
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new Problem(HttpStatus.CONFLICT, ProblemTypes.REQUEST_IN_PROGRESS, "Request in progress",
                        "the first request with this Idempotency-Key is still running", Map.of(),
                        Duration.ofSeconds(1));
            }
            sleep(pause);
            pause = Math.min(pause * 2, 50);
            seen = redis(() -> redis.opsForValue().get(slot));
        }
    }

    /**
     * Runs the purchase and stores its answer. An accepted order is indexed for its shopper in the same
     * call (the purchase itself leaves the index to it, {@link Purchases#buy}): both keys are the shopper's.
     */
    private ResponseEntity<String> run(String slot, String claim, Entry pending, Indexed indexed,
            Supplier<Answer> purchase) {
        Answer answer;
        try {
            answer = purchase.get();
        } catch (RuntimeException e) {
            store(slot, claim, "", null);
            throw e;
        }
        store(slot, claim, answer.settled() ? write(Entry.done(pending, answer)) : "",
                answer.status() == 202 ? indexed : null);
        return answer.response(false);
    }

    /**
     * Stores the answer, or lets the key go. The purchase is decided by then: a Redis failure here must
     * not turn it into an error. The claim stays pending; after its lease a retry with the same key is
     * answered from the ledger; the shopper's lookup of the order finds it through MySQL once it is placed.
     */
    private void store(String slot, String claim, String replacement, Indexed indexed) {
        try {
            swap(slot, claim, replacement, indexed);
        } catch (RuntimeException e) {
            log.warn("answer under an Idempotency-Key not stored, a retry settles it after the lease: {}",
                    e.toString());
        }
    }

    /** The first request's instance died: answer its order if it was reserved, else let the purchase run anew. */
    private void recover(String slot, String seen, Entry stale) {
        boolean reserved = redis(() -> reservations.entry(new SaleId(stale.saleId()),
                new OrderId(stale.orderId()))).isPresent();
        swap(slot, seen, reserved ? write(Entry.done(stale, Answer.accepted(json, stale.orderId()))) : "", null);
    }

    private void swap(String slot, String expected, String replacement, Indexed indexed) {
        String ttl = Long.toString(settings.ttl().toMillis());
        if (indexed == null) {
            redis(() -> redis.execute(SWAP, List.of(slot), expected, replacement, ttl));
        } else {
            redis(() -> redis.execute(SWAP, List.of(slot, indexed.index()), expected, replacement, ttl,
                    indexed.order().toString(), indexed.sale().toString(),
                    Long.toString(reservations.shopperIndex().toMillis())));
        }
    }

    private <T> T redis(Supplier<T> call) {
        return breakers.redis().executeSupplier(call);
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request", e);
        }
    }

    private String write(Entry entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Entry read(String stored) {
        try {
            return json.readValue(stored, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable idempotency entry", e);
        }
    }

    /** The shopper's order index, and the entry an accepted order adds to it. */
    private record Indexed(String index, OrderId order, SaleId sale) {
    }

    /** What a key holds: the request it stands for, the order it reserves, and its answer once there is one. */
    record Entry(String request, long orderId, long saleId, long at, Answer answer) {

        static Entry pending(String request, long orderId, long saleId, long at) {
            return new Entry(request, orderId, saleId, at, null);
        }

        static Entry done(Entry pending, Answer answer) {
            return new Entry(pending.request(), pending.orderId(), pending.saleId(), pending.at(), answer);
        }
    }
}
