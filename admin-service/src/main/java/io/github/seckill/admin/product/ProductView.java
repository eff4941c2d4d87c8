package io.github.seckill.admin.product;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A product as the API shows it; money travels as a decimal string; archivedAt is null while on offer. */
record ProductView(long id, String name, String description,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price, Instant archivedAt) {

    static ProductView of(Product p) {
        return new ProductView(p.id(), p.name(), p.description(), p.price(), p.archivedAt());
    }

    public boolean archived() {
        return archivedAt != null;
    }
}
