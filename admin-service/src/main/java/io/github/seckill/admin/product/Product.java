package io.github.seckill.admin.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something that can be put on sale. */
@Entity
@Table(name = "products")
class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String description;

    @Column(precision = 12, scale = 2)
    private BigDecimal price;

    private Instant createdAt;

    private Instant archivedAt;

    protected Product() {
    }

    Product(String name, String description, BigDecimal price) {
        this.name = name.strip();
        this.description = description;
        // callers validated at most two decimals: no rounding can happen here
        this.price = price.setScale(2, RoundingMode.UNNECESSARY);
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    void change(String name, String description, BigDecimal price) {
        this.name = name.strip();
        this.description = description;
        this.price = price.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** No new sale can use an archived product; its past sales stay as they are. Repeatable. */
    void archive(Instant now) {
        if (archivedAt == null) {
            archivedAt = now.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    Instant archivedAt() {
        return archivedAt;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    BigDecimal price() {
        return price;
    }
}
