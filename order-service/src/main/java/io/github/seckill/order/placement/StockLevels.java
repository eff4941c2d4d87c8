package io.github.seckill.order.placement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code seckill_stock_remaining{activity,store="redis"|"mysql"}} for the sales this instance has
 * placed orders of, read on a timer so the purchase path pays nothing for it. Side by side they
 * show the ledger in flight: Redis runs ahead of MySQL by the reservations not yet committed.
 */
@Component
class StockLevels {

    private static final Logger log = LoggerFactory.getLogger(StockLevels.class);

    private final Map<Long, AtomicLong[]> levels = new ConcurrentHashMap<>();
    private final Reservations reservations;
    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;

    StockLevels(Reservations reservations, JdbcTemplate jdbc, MeterRegistry registry) {
        this.reservations = reservations;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** Starts watching a sale (once). */
    void watch(long activityId) {
        levels.computeIfAbsent(activityId, id -> new AtomicLong[] { gauge(id, "redis"), gauge(id, "mysql") });
    }

    private AtomicLong gauge(long activityId, String store) {
        AtomicLong value = new AtomicLong(-1);
        Gauge.builder("seckill.stock.remaining", value, AtomicLong::get).tag("activity", Long.toString(activityId))
                .tag("store", store).description("stock left per sale; -1 until first read").register(registry);
        return value;
    }

    @Scheduled(fixedDelayString = "${seckill.metrics.stock-interval:5s}", initialDelay = 1_000)
    void refresh() {
        levels.forEach((activityId, values) -> {
            try {
                reservations.remaining(new SaleId(activityId)).ifPresent(values[0]::set);
                jdbc.query("SELECT SUM(remaining) FROM activity_stock WHERE activity_id = ? GROUP BY activity_id",
                        rs -> { values[1].set(rs.getLong(1)); }, activityId);
            } catch (DataAccessException e) {
                log.debug("stock of sale {} not read: {}", activityId, e.getMessage());
            }
        });
    }
}
