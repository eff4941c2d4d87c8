package io.github.seckill.admin.upstream;

import java.time.Instant;

import org.springframework.format.annotation.DateTimeFormat;

/** The back office's order search; null means any. */
public record OrderQuery(Long activityId, Long userId, String status,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to, Integer page, Integer size) {

    public int pageOrFirst() {
        return page == null || page < 0 ? 0 : page;
    }

    public int sizeOrDefault() {
        // order-service serves at most 100 per page
        return size == null || size < 1 ? 50 : Math.min(size, 100);
    }
}
