package io.github.seckill.api.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.redis.LedgerEntry;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.redis.Reservations;

/**
 * A shopper's orders, newest first: the orders MySQL has (from order-service) merged with those only
 * Redis knows yet (still PENDING in the ledger, or released before they reached MySQL). Order ids grow
 * with time, so "newest first" is "highest id first" across both.
 */
@Service
class OrderHistory {

    private final StringRedisTemplate redis;
    private final Reservations reservations;
    private final OrderServiceClient orderService;
    private final OrderLookup lookup;

    OrderHistory(StringRedisTemplate redis, Reservations reservations, OrderServiceClient orderService,
            OrderLookup lookup) {
        this.redis = redis;
        this.reservations = reservations;
        this.orderService = orderService;
        this.lookup = lookup;
    }

    OrderPage page(long userId, int page, int size) {
        List<OrderView> local = onlyInRedis(userId);
        int wanted = (page + 1) * size;
        int chunk = Math.max(size, 50);
        List<OrderView> stored = new ArrayList<>();
        long storedTotal = 0;
        for (int p = 0; stored.size() < wanted; p++) {
            io.github.seckill.common.orderservice.OrderPage answer = orderService.list(userId, p, chunk);
            answer.content().stream().filter(o -> o.userId() == userId).map(OrderView::of).forEach(stored::add);
            storedTotal = answer.totalElements();
            if (answer.content().size() < chunk || (long) (p + 1) * chunk >= storedTotal) {
                break;
            }
        }
        Set<String> inMySql = stored.stream().map(OrderView::orderId).collect(Collectors.toSet());
        List<OrderView> merged = new ArrayList<>(stored);
        long extra = 0;
        for (OrderView view : local) {
            if (!inMySql.contains(view.orderId())) {
                merged.add(view);
                extra++;
            }
        }
        merged.sort(Comparator.comparingLong(OrderView::id).reversed());
        int from = Math.min(page * size, merged.size());
        return new OrderPage(merged.subList(from, Math.min(from + size, merged.size())), page, size,
                storedTotal + extra);
    }

    /** The shopper's orders whose ledger entry is not confirmed: one pipelined read for all of them. */
    private List<OrderView> onlyInRedis(long userId) {
        Map<Object, Object> index = redis.opsForHash().entries(reservations.userKeys(new UserId(userId)).orders());
        List<Long> orders = new ArrayList<>();
        Map<Long, Long> saleOf = new HashMap<>();
        index.forEach((order, sale) -> {
            long id = Long.parseLong(order.toString());
            orders.add(id);
            saleOf.put(id, Long.parseLong(sale.toString()));
        });
        List<Object> rows = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (long order : orders) {
                fields(connection, reservations.keys(new SaleId(saleOf.get(order))).ledger(), order);
            }
            return null;
        });
        List<OrderView> views = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            @SuppressWarnings("unchecked")
            List<String> f = (List<String>) rows.get(i);
            LedgerState state = f.get(0) == null ? null : LedgerState.valueOf(f.get(0));
            if (state != LedgerState.RESERVED && state != LedgerState.TRYING && state != LedgerState.RELEASED) {
                continue; // trimmed from the ledger, or in MySQL: order-service lists it
            }
            OrderPlaced placed = lookup.placed(new LedgerEntry(orders.get(i), userId, 0, state, f.get(1), f.get(2), null, null));
            views.add(state == LedgerState.RELEASED ? OrderView.of(placed, OrderStatus.FAILED, f.get(2))
                    : OrderView.of(placed, OrderStatus.PENDING, null));
        }
        return views;
    }

    private static void fields(RedisConnection connection, String ledger, long order) {
        String oid = Long.toString(order);
        connection.hashCommands().hMGet(bytes(ledger), bytes(oid + ":s"), bytes(oid),
                bytes(oid + ":r"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    record OrderPage(List<OrderView> content, int page, int size, long totalElements) {
    }
}
