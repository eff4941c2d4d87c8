package io.github.seckill.common.redis;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.github.seckill.common.messaging.KafkaPosition;

/**
 * The sale's stock and reservation ledger in Redis, changed only through the Lua scripts under
 * <code>lua/</code> (each loaded once and run by EVALSHA). Every call is atomic on Redis; every
 * call but {@link #reserve} is idempotent.
 */
public class Reservations {

    private static final RedisScript<Long> PREWARM = script("prewarm");
    private static final RedisScript<Long> CLOSE = script("close");
    private static final RedisScript<Long> RESERVE = script("reserve");
    private static final RedisScript<Long> RELEASE = script("release");
    private static final RedisScript<List> TCC_TRY = script("tcc-try", List.class);
    private static final RedisScript<List> TCC_CONFIRM = script("tcc-confirm", List.class);
    private static final RedisScript<List> TCC_CANCEL = script("tcc-cancel", List.class);
    private static final RedisScript<Long> RESTOCK = script("restock");
    private static final RedisScript<Long> RECONCILE = script("reconcile");
    private static final RedisScript<Long> SENT = script("sent");
    private static final RedisScript<Long> CONSUMED = script("consumed");
    private static final RedisScript<Long> INDEX = script("index");

    /** How long a shopper's order index is kept after their last purchase, unless told otherwise. */
    public static final Duration SHOPPER_INDEX = Duration.ofDays(30);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration shopperIndex;

    public Reservations(StringRedisTemplate redis, String prefix) {
        this(redis, new RedisKeys(prefix), SHOPPER_INDEX);
    }

    public Reservations(StringRedisTemplate redis, String prefix, Duration shopperIndex) {
        this(redis, new RedisKeys(prefix), shopperIndex);
    }

    /** @param shopperIndex how long a shopper's order index is kept after the order last written to it */
    public Reservations(StringRedisTemplate redis, RedisKeys keys, Duration shopperIndex) {
        if (shopperIndex.isNegative() || shopperIndex.isZero()) {
            throw new IllegalArgumentException("shopperIndex must be positive: " + shopperIndex);
        }
        this.redis = redis;
        this.keys = keys;
        this.shopperIndex = shopperIndex;
    }

    private static RedisScript<Long> script(String name) {
        return script(name, Long.class);
    }

    private static <T> RedisScript<T> script(String name, Class<T> type) {
        return LuaScripts.load("lua/" + name + ".lua", type);
    }

    /** Runs a per-order script on many orders of one sale: xid first, then the order ids. */
    @SuppressWarnings("unchecked")
    private List<Long> perOrder(RedisScript<List> script, List<String> keys, String xid, List<Long> orderIds) {
        Object[] args = new Object[orderIds.size() + 1];
        args[0] = xid;
        for (int i = 0; i < orderIds.size(); i++) {
            args[i + 1] = Long.toString(orderIds.get(i));
        }
        return (List<Long>) redis.execute(script, keys, args);
    }

    public ActivityKeys keys(long activityId) {
        return keys.activity(activityId);
    }

    public UserKeys userKeys(long userId) {
        return keys.user(userId);
    }

    /**
     * Publishes a sale and lists it in the catalogue index; returns the stock counter (unchanged
     * when the sale was prewarmed before).
     */
    public long prewarm(long activityId, String title, long total, int limitPerUser, Instant startAt,
            Instant endAt, BigDecimal price) {
        ActivityKeys k = keys(activityId);
        long stock = redis.execute(PREWARM, List.of(k.meta(), k.stock()), Long.toString(total),
                Integer.toString(limitPerUser), Long.toString(startAt.toEpochMilli()),
                Long.toString(endAt.toEpochMilli()), price.toPlainString(), title);
        redis.opsForZSet().add(catalogue(), Long.toString(activityId), endAt.toEpochMilli());
        return stock;
    }

    /** Index of prewarmed sales scored by their end (epoch ms); another slot than the sales' own keys. */
    public String catalogue() {
        return keys.shared().catalogue();
    }

    /** Ids of the prewarmed sales that have not ended at {@code now}, soonest end first. */
    public List<Long> salesOpenAt(Instant now) {
        return redis.opsForZSet().rangeByScore(catalogue(), now.toEpochMilli(), Double.POSITIVE_INFINITY).stream()
                .map(Long::valueOf).toList();
    }

    /** Closes a sale early; false when it was not prewarmed. */
    public boolean close(long activityId) {
        return redis.execute(CLOSE, List.of(keys(activityId).meta())) >= 0;
    }

    public Reservation reserve(long activityId, long orderId, long userId, int quantity, String payload) {
        long code = redis.execute(RESERVE, keys(activityId).forReserve(), Long.toString(orderId),
                Long.toString(userId), Integer.toString(quantity), payload);
        ReserveOutcome outcome = ReserveOutcome.of(code);
        return new Reservation(outcome, outcome == ReserveOutcome.RESERVED ? code : -1);
    }

    /**
     * Sets the sale's stock from {@code measured} to {@code target} if it still is {@code measured}
     * and no reservation is pending: 1 set, 0 already there, -1 the stock moved, -2 reservations pending.
     */
    public long reconcile(long activityId, long measured, long target) {
        ActivityKeys k = keys(activityId);
        return redis.execute(RECONCILE, List.of(k.stock(), k.pending()), Long.toString(measured),
                Long.toString(target), keys.shared().restockedChannel(), Long.toString(activityId));
    }

    /** Gives back the reservation of an accepted order, which now ends FAILED with {@code reason}. */
    public ReleaseOutcome release(long activityId, long orderId, String reason) {
        return release(activityId, orderId, reason, true);
    }

    /**
     * Gives back a reservation whose shopper was never told 202 (its send failed): the same release, but
     * it is no failed order, so the sale's failed-order count does not take it.
     */
    public ReleaseOutcome withdraw(long activityId, long orderId, String reason) {
        return release(activityId, orderId, reason, false);
    }

    private ReleaseOutcome release(long activityId, long orderId, String reason, boolean failedOrder) {
        return ReleaseOutcome.of(redis.execute(RELEASE, keys(activityId).forRelease(), Long.toString(orderId),
                reason, keys.shared().restockedChannel(), Long.toString(activityId), failedOrder ? "1" : "0"));
    }

    public TryOutcome tryHold(long activityId, long orderId, String xid) {
        return tryHold(activityId, List.of(orderId), xid).get(orderId);
    }

    /** TCC try on many orders of one sale in one call; the outcome per order id. */
    public Map<Long, TryOutcome> tryHold(long activityId, List<Long> orderIds, String xid) {
        List<Long> codes = perOrder(TCC_TRY, List.of(keys(activityId).ledger()), xid, orderIds);
        Map<Long, TryOutcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < orderIds.size(); i++) {
            outcomes.put(orderIds.get(i), TryOutcome.of(codes.get(i)));
        }
        return outcomes;
    }

    /** Returns true when this call or an earlier one confirmed the reservation. */
    public boolean confirm(long activityId, long orderId, String xid) {
        return confirm(activityId, List.of(orderId), xid) == 1;
    }

    /** Confirms the orders this xid holds; returns how many are confirmed (now or before). */
    public int confirm(long activityId, List<Long> orderIds, String xid) {
        ActivityKeys k = keys(activityId);
        return (int) perOrder(TCC_CONFIRM, List.of(k.ledger(), k.pending()), xid, orderIds).stream()
                .filter(code -> code >= 0).count();
    }

    /** Returns true when the reservation went back to RESERVED, false on an empty rollback or repeat. */
    public boolean cancel(long activityId, long orderId, String xid) {
        return cancel(activityId, List.of(orderId), xid) == 1;
    }

    /** Cancels this xid's hold on the orders; returns how many went back to RESERVED. */
    public int cancel(long activityId, List<Long> orderIds, String xid) {
        return (int) perOrder(TCC_CANCEL, List.of(keys(activityId).ledger()), xid, orderIds).stream()
                .filter(code -> code == 1).count();
    }

    /** Restock try for cancelling a created order: CONFIRMED -> CANCELLING(xid). */
    public RestockOutcome tryRestock(long activityId, long orderId, String xid) {
        return RestockOutcome.of(restock(activityId, "try", orderId, xid));
    }

    /** Restock confirm: stock and quota back; true when done now or before. */
    public boolean confirmRestock(long activityId, long orderId, String xid) {
        return restock(activityId, "confirm", orderId, xid) >= 0;
    }

    /** Restock cancel: back to CONFIRMED; false on an empty rollback or repeat (tombstone written). */
    public boolean cancelRestock(long activityId, long orderId, String xid) {
        return restock(activityId, "cancel", orderId, xid) == 1;
    }

    private long restock(long activityId, String phase, long orderId, String xid) {
        ActivityKeys k = keys(activityId);
        return redis.execute(RESTOCK, List.of(k.stock(), k.buyers(), k.ledger()), phase, xid,
                Long.toString(orderId), keys.shared().restockedChannel(), Long.toString(activityId));
    }

    /** Stock left, or empty when the sale is not in Redis. */
    public Optional<Long> remaining(long activityId) {
        return Optional.ofNullable(redis.opsForValue().get(keys(activityId).stock())).map(Long::valueOf);
    }

    /**
     * How many of the sale's orders failed: released before they reached MySQL, whatever the reason
     * (refused, timed out, given up after the retries, publish failed). Each counts once.
     */
    public long failedOrders(long activityId) {
        String count = redis.opsForValue().get(keys(activityId).failed());
        return count == null ? 0 : Long.parseLong(count);
    }

    /**
     * Records which sale an order belongs to, so the shopper's order is found by its id alone; the index is
     * kept {@code shopperIndex} from now (a miss is answered from MySQL and written again).
     */
    public void index(long userId, long orderId, long activityId) {
        redis.execute(INDEX, List.of(userKeys(userId).orders()), Long.toString(orderId), Long.toString(activityId),
                Long.toString(shopperIndex.toMillis()));
    }

    /** The sale of one of the user's orders; empty when the order is not the user's. */
    public Optional<Long> saleOf(long userId, long orderId) {
        Object sale = redis.opsForHash().get(userKeys(userId).orders(), Long.toString(orderId));
        return Optional.ofNullable(sale).map(s -> Long.valueOf(s.toString()));
    }

    /** The sale's settings, or empty when it was never prewarmed. */
    public Optional<SaleTerms> terms(long activityId) {
        List<Object> f = redis.opsForHash().multiGet(keys(activityId).meta(),
                List.of("total", "limit", "startAt", "endAt", "price", "status", "title"));
        if (f.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new SaleTerms(Long.parseLong((String) f.get(0)), Integer.parseInt((String) f.get(1)),
                Instant.ofEpochMilli(Long.parseLong((String) f.get(2))),
                Instant.ofEpochMilli(Long.parseLong((String) f.get(3))), new BigDecimal((String) f.get(4)),
                "CLOSED".equals(f.get(5)), (String) f.get(6)));
    }

    /** Quantity a user holds in a sale (reserved or bought). */
    public long bought(long activityId, long userId) {
        Object v = redis.opsForHash().get(keys(activityId).buyers(), Long.toString(userId));
        return v == null ? 0 : Long.parseLong(v.toString());
    }

    public Optional<LedgerEntry> entry(long activityId, long orderId) {
        String oid = Long.toString(orderId);
        List<Object> f = redis.opsForHash().multiGet(keys(activityId).ledger(),
                List.of(oid + ":s", oid + ":u", oid + ":q", oid, oid + ":r", oid + ":k", oid + ":x"));
        if (f.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new LedgerEntry(orderId, Long.parseLong((String) f.get(1)),
                Integer.parseInt((String) f.get(2)), LedgerState.valueOf((String) f.get(0)), (String) f.get(3),
                (String) f.get(4), f.get(5) == null ? null : KafkaPosition.parse((String) f.get(5)),
                (String) f.get(6)));
    }

    /**
     * Records where Kafka acknowledged the order's message (the first acknowledged copy stays);
     * false when the order is not in the ledger.
     */
    public boolean markSent(long activityId, long orderId, KafkaPosition at) {
        Long code = redis.execute(SENT, List.of(keys(activityId).ledger()), Long.toString(orderId), at.toString());
        return code != null && code >= 0;
    }

    /**
     * The sweeper found the order's message taken by order-service while it is still RESERVED: when
     * that was first found ({@code now} the first time), or empty when the entry is gone or no longer RESERVED.
     */
    public Optional<Instant> consumedWhileReserved(long activityId, long orderId, Instant now) {
        Long at = redis.execute(CONSUMED, List.of(keys(activityId).ledger()), Long.toString(orderId),
                Long.toString(now.toEpochMilli()));
        return at == null || at < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }
}
