package io.github.seckill.api.catalogue;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.github.seckill.common.redis.SaleTerms;

/** A sale as shoppers see it; {@code remaining} may lag Redis by the catalogue's cache time. */
record SaleView(long id, String title, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price, long stock,
        long remaining, int limitPerUser, Instant startAt, Instant endAt, SaleStatus status) {

    static SaleView of(long id, SaleTerms terms, long remaining, Instant now) {
        return new SaleView(id, terms.title(), terms.price(), terms.total(), Math.max(0, remaining),
                terms.limitPerUser(), terms.startAt(), terms.endAt(), SaleStatus.of(terms, remaining, now));
    }
}
