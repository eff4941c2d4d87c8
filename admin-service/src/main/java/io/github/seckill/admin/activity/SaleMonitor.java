package io.github.seckill.admin.activity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import io.github.seckill.admin.upstream.OrderServiceClient;
import io.github.seckill.admin.upstream.Remote;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.orderservice.SaleStock;
import io.github.seckill.common.redis.ActivityKeys;
import io.github.seckill.common.redis.Reservations;

/**
 * Live figures of a sale: read from Redis directly (stock, live reservations, failed orders) and from
 * order-service (MySQL's stock and orders), each degrading on its own.
 */
@Service
class SaleMonitor {

    private final ActivityService sales;
    private final Reservations reservations;
    private final StringRedisTemplate redis;
    private final OrderServiceClient orders;
    private final Clock clock;

    SaleMonitor(ActivityService sales, Reservations reservations, StringRedisTemplate redis,
            OrderServiceClient orders, Clock clock) {
        this.sales = sales;
        this.reservations = reservations;
        this.redis = redis;
        this.orders = orders;
        this.clock = clock;
    }

    SaleStats stats(long id) {
        ActivityView sale = sales.get(id);
        List<String> unavailable = new ArrayList<>();
        Long live = 0L;
        Long failed = null;
        try {
            live = redis.opsForZSet().zCard(reservations.keys(new SaleId(id)).pending());
            failed = reservations.failedOrders(new SaleId(id));
        } catch (DataAccessException e) {
            unavailable.add("redis unavailable");
        }
        Remote<SaleStock> mysql = orders.stock(id, sale.stock());
        if (!mysql.available()) {
            unavailable.add(mysql.unavailable());
        }
        SaleStock stock = mysql.value();
        return new SaleStats(id, sale.title(), sale.status(), sale.stock(), sale.redisRemaining(),
                stock == null ? null : stock.remaining(), live == null ? 0 : live,
                stock == null ? null : byStatus(stock.orders(), failed), List.copyOf(unavailable), clock.instant());
    }

    /**
     * MySQL's counts (CREATED, PAID, CANCELLED) with FAILED from Redis: a failed order never reaches
     * MySQL, it is a released reservation, counted by the sale's failed-order counter. Without Redis
     * FAILED is left out, not shown as 0.
     */
    private static Map<String, Long> byStatus(Map<OrderStatus, Long> mysql, Long failed) {
        Map<String, Long> counts = new TreeMap<>();
        mysql.forEach((status, n) -> counts.put(status.name(), n));
        counts.remove(OrderStatus.FAILED.name());
        if (failed != null) {
            counts.put(OrderStatus.FAILED.name(), failed);
        }
        return counts;
    }

    /**
     * What Redis holds for the sale: the meta hash, the stock and failed-order counters (null before the
     * first), the sizes of the other keys.
     */
    Map<String, Object> redisKeys(long id) {
        ActivityKeys k = reservations.keys(new SaleId(id));
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(k.meta(), new TreeMap<>(redis.opsForHash().entries(k.meta())));
        keys.put(k.stock(), redis.opsForValue().get(k.stock()));
        keys.put(k.buyers() + " (HLEN)", redis.opsForHash().size(k.buyers()));
        keys.put(k.ledger() + " (HLEN)", redis.opsForHash().size(k.ledger()));
        keys.put(k.pending() + " (ZCARD)", redis.opsForZSet().zCard(k.pending()));
        keys.put(k.failed(), redis.opsForValue().get(k.failed()));
        return keys;
    }
}
