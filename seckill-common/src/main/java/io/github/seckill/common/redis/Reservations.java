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

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.KafkaPosition;

/**
 * The sale's stock and reservation ledger in Redis, changed only through the Lua scripts under
 * <code>lua/</code> (each loaded once and run by EVALSHA). Every call is atomic on Redis; every
 * call but {@link #reserve} is idempotent.
 *
 * <p>Ids are typed and come in one order, sale, order, user (see {@link io.github.seckill.common.id}). The
 * batch TCC calls take plain {@code List<Long>} order ids: order-service drains hundreds per call straight
 * from its messages into script arguments, and a wrapper per id would only be allocated to be unwrapped.
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

    /** How long a shopper's order index is kept after the order last written to it. */
    public Duration shopperIndex() {
        return shopperIndex;
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

    public ActivityKeys keys(SaleId sale) {
        return keys.activity(sale.value());
    }

    public UserKeys userKeys(UserId user) {
        return keys.user(user.value());
    }

    /**
     * Publishes a sale and lists it in the catalogue index; returns the stock counter (unchanged
     * when the sale was prewarmed before).
     */
    public long prewarm(SaleId sale, String title, long total, int limitPerUser, Instant startAt,
            Instant endAt, BigDecimal price) {
        ActivityKeys k = keys(sale);
        long stock = redis.execute(PREWARM, List.of(k.meta(), k.stock()), Long.toString(total),
                Integer.toString(limitPerUser), Long.toString(startAt.toEpochMilli()),
                Long.toString(endAt.toEpochMilli()), price.toPlainString(), title);
        redis.opsForZSet().add(catalogue(), sale.toString(), endAt.toEpochMilli());
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
    public boolean close(SaleId sale) {
        return redis.execute(CLOSE, List.of(keys(sale).meta())) >= 0;
    }

    public Reservation reserve(SaleId sale, OrderId order, UserId user, int quantity, String payload) {
        long code = redis.execute(RESERVE, keys(sale).forReserve(), order.toString(), user.toString(),
                Integer.toString(quantity), payload);
        ReserveOutcome outcome = ReserveOutcome.of(code);
        return new Reservation(outcome, outcome == ReserveOutcome.RESERVED ? code : -1);
    }

    /**
     * Sets the sale's stock from {@code measured} to {@code target} if it still is {@code measured}
     * and no reservation is pending: 1 set, 0 already there, -1 the stock moved, -2 reservations pending.
     */
    public long reconcile(SaleId sale, long measured, long target) {
        ActivityKeys k = keys(sale);
        return redis.execute(RECONCILE, List.of(k.stock(), k.pending()), Long.toString(measured),
                Long.toString(target), keys.shared().restockedChannel(), sale.toString());
    }

    /** Gives back the reservation of an accepted order, which now ends FAILED with {@code reason}. */
    public ReleaseOutcome release(SaleId sale, OrderId order, String reason) {
        return release(sale, order, reason, true);
    }

    /**
     * Gives back a reservation whose shopper was never told 202 (its send failed): the same release, but
     * it is no failed order, so the sale's failed-order count does not take it.
     */
    public ReleaseOutcome withdraw(SaleId sale, OrderId order, String reason) {
        return release(sale, order, reason, false);
    }

    private ReleaseOutcome release(SaleId sale, OrderId order, String reason, boolean failedOrder) {
        return ReleaseOutcome.of(redis.execute(RELEASE, keys(sale).forRelease(), order.toString(), reason,
                keys.shared().restockedChannel(), sale.toString(), failedOrder ? "1" : "0"));
    }

    public TryOutcome tryHold(SaleId sale, OrderId order, String xid) {
        return tryHold(sale, List.of(order.value()), xid).get(order.value());
    }

    /** TCC try on many orders of one sale in one call; the outcome per order id. */
    public Map<Long, TryOutcome> tryHold(SaleId sale, List<Long> orderIds, String xid) {
        List<Long> codes = perOrder(TCC_TRY, List.of(keys(sale).ledger()), xid, orderIds);
        Map<Long, TryOutcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < orderIds.size(); i++) {
            outcomes.put(orderIds.get(i), TryOutcome.of(codes.get(i)));
        }
        return outcomes;
    }

    /** Returns true when this call or an earlier one confirmed the reservation. */
    public boolean confirm(SaleId sale, OrderId order, String xid) {
        return confirm(sale, List.of(order.value()), xid) == 1;
    }

    /** Confirms the orders this xid holds; returns how many are confirmed (now or before). */
    public int confirm(SaleId sale, List<Long> orderIds, String xid) {
        ActivityKeys k = keys(sale);
        return (int) perOrder(TCC_CONFIRM, List.of(k.ledger(), k.pending()), xid, orderIds).stream()
                .filter(code -> code >= 0).count();
    }

    /** Returns true when the reservation went back to RESERVED, false on an empty rollback or repeat. */
    public boolean cancel(SaleId sale, OrderId order, String xid) {
        return cancel(sale, List.of(order.value()), xid) == 1;
    }

    /** Cancels this xid's hold on the orders; returns how many went back to RESERVED. */
    public int cancel(SaleId sale, List<Long> orderIds, String xid) {
        return (int) perOrder(TCC_CANCEL, List.of(keys(sale).ledger()), xid, orderIds).stream()
                .filter(code -> code == 1).count();
    }

    /** Restock try for cancelling a created order: CONFIRMED -> CANCELLING(xid). */
    public RestockOutcome tryRestock(SaleId sale, OrderId order, String xid) {
        return RestockOutcome.of(restock(sale, order, "try", xid));
    }

    /** Restock confirm: stock and quota back; true when done now or before. */
    public boolean confirmRestock(SaleId sale, OrderId order, String xid) {
        return restock(sale, order, "confirm", xid) >= 0;
    }

    /** Restock cancel: back to CONFIRMED; false on an empty rollback or repeat (tombstone written). */
    public boolean cancelRestock(SaleId sale, OrderId order, String xid) {
        return restock(sale, order, "cancel", xid) == 1;
    }

    private long restock(SaleId sale, OrderId order, String phase, String xid) {
        ActivityKeys k = keys(sale);
        return redis.execute(RESTOCK, List.of(k.stock(), k.buyers(), k.ledger()), phase, xid, order.toString(),
                keys.shared().restockedChannel(), sale.toString());
    }

    /** Stock left, or empty when the sale is not in Redis. */
    public Optional<Long> remaining(SaleId sale) {
        return Optional.ofNullable(redis.opsForValue().get(keys(sale).stock())).map(Long::valueOf);
    }

    /**
     * How many of the sale's orders failed: released before they reached MySQL, whatever the reason
     * (refused, timed out, given up after the retries, publish failed). Each counts once.
     */
    public long failedOrders(SaleId sale) {
        String count = redis.opsForValue().get(keys(sale).failed());
        return count == null ? 0 : Long.parseLong(count);
    }

    /**
     * Records which sale an order belongs to, so the shopper's order is found by its id alone; the index is
     * kept {@code shopperIndex} from now (a miss is answered from MySQL and written again).
     */
    public void index(SaleId sale, OrderId order, UserId user) {
        redis.execute(INDEX, List.of(userKeys(user).orders()), order.toString(), sale.toString(),
                Long.toString(shopperIndex.toMillis()));
    }

    /** The sale of one of the user's orders; empty when the order is not the user's. */
    public Optional<SaleId> saleOf(OrderId order, UserId user) {
        Object sale = redis.opsForHash().get(userKeys(user).orders(), order.toString());
        return Optional.ofNullable(sale).map(s -> new SaleId(Long.parseLong(s.toString())));
    }

    /** The sale's settings, or empty when it was never prewarmed. */
    public Optional<SaleTerms> terms(SaleId sale) {
        List<Object> f = redis.opsForHash().multiGet(keys(sale).meta(),
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
    public long bought(SaleId sale, UserId user) {
        Object v = redis.opsForHash().get(keys(sale).buyers(), user.toString());
        return v == null ? 0 : Long.parseLong(v.toString());
    }

    public Optional<LedgerEntry> entry(SaleId sale, OrderId order) {
        String oid = order.toString();
        List<Object> f = redis.opsForHash().multiGet(keys(sale).ledger(),
                List.of(oid + ":s", oid + ":u", oid + ":q", oid, oid + ":r", oid + ":k", oid + ":x"));
        if (f.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new LedgerEntry(order.value(), Long.parseLong((String) f.get(1)),
                Integer.parseInt((String) f.get(2)), LedgerState.valueOf((String) f.get(0)), (String) f.get(3),
                (String) f.get(4), f.get(5) == null ? null : KafkaPosition.parse((String) f.get(5)),
                (String) f.get(6)));
    }

    /**
     * Records where Kafka acknowledged the order's message (the first acknowledged copy stays);
     * false when the order is not in the ledger.
     */
    public boolean markSent(SaleId sale, OrderId order, KafkaPosition at) {
        Long code = redis.execute(SENT, List.of(keys(sale).ledger()), order.toString(), at.toString());
        return code != null && code >= 0;
    }

    /**
     * The sweeper found the order's message taken by order-service while it is still RESERVED: when
     * that was first found ({@code now} the first time), or empty when the entry is gone or no longer RESERVED.
     */
    public Optional<Instant> consumedWhileReserved(SaleId sale, OrderId order, Instant now) {
        Long at = redis.execute(CONSUMED, List.of(keys(sale).ledger()), order.toString(),
                Long.toString(now.toEpochMilli()));
        return at == null || at < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }
}
