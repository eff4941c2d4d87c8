package io.github.seckill.admin.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One sale's figures from everywhere they live: stock from its row, Redis remaining and live
 * reservations from Redis, MySQL remaining and orders per status from order-service.
 *
 * @param redisRemaining   null when the sale is not in Redis
 * @param mysqlRemaining   null when order-service is unavailable
 * @param orders           null when order-service is unavailable
 * @param unavailable      the sources that could not be read, e.g. {@code ["order-service unavailable"]}
 */
record SaleStats(long activityId, String title, ActivityStatus status, int stock, Long redisRemaining,
        Long mysqlRemaining, long liveReservations,
        @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Long> orders, List<String> unavailable, Instant at) {

    long ordersTotal() {
        return orders == null ? 0 : orders.values().stream().mapToLong(Long::longValue).sum();
    }
}
