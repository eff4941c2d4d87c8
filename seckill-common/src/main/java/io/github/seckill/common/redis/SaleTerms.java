package io.github.seckill.common.redis;

import java.math.BigDecimal;
import java.time.Instant;

/** A sale's settings as prewarmed into Redis. */
public record SaleTerms(long total, int limitPerUser, Instant startAt, Instant endAt, BigDecimal price,
        boolean closed, String title) {
}
