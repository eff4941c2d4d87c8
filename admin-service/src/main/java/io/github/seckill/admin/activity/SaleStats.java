package io.github.seckill.admin.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.seckill.common.order.OrderStatus;

/**
 * One sale's figures from everywhere they live: stock from its row, Redis remaining and live
 * reservations from Redis, MySQL remaining and orders per status from order-service, but for FAILED:
 * failed orders never reach MySQL, their count is the sale's failed-order counter in Redis.
 *
 * @param redisRemaining   null when the sale is not in Redis
 * @param mysqlRemaining   null when order-service is unavailable
 * @param orders           CREATED, PAID, CANCELLED and FAILED; null when order-service is unavailable;
 *                         without FAILED when Redis is
 * @param unavailable      the sources that could not be read, e.g. {@code ["order-service unavailable"]}
 */
record SaleStats(long activityId, String title, ActivityStatus status, int stock, Long redisRemaining,
        Long mysqlRemaining, long liveReservations,
        @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Long> orders, List<String> unavailable, Instant at) {

    /** True when every status is counted, FAILED included. */
    boolean ordersKnown() {
        return orders != null && orders.containsKey(OrderStatus.FAILED.name());
    }

    long failedOrders() {
        return orders == null ? 0 : orders.getOrDefault(OrderStatus.FAILED.name(), 0L);
    }

    long ordersTotal() {
        return orders == null ? 0 : orders.values().stream().mapToLong(Long::longValue).sum();
    }
}
