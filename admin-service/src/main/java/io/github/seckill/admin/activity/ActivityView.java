package io.github.seckill.admin.activity;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A sale as the API shows it: money as a decimal string, times in UTC.
 *
 * @param redisRemaining stock left in Redis, or null when the sale was never prewarmed
 */
record ActivityView(long id, long productId, String title,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price, int stock, int limitPerUser,
        Instant startAt, Instant endAt, ActivityStatus status, Long redisRemaining) {

    static ActivityView of(Activity a, Long redisRemaining) {
        return new ActivityView(a.id(), a.productId(), a.title(), a.price(), a.stock(), a.limitPerUser(),
                a.startAt(), a.endAt(), a.status(), redisRemaining);
    }
}
