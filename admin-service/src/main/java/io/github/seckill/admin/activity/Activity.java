package io.github.seckill.admin.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A sale (activity): a product at a price, a stock, a per-user limit and a time window. */
@Entity
@Table(name = "activities")
class Activity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long productId;

    private String title;

    @Column(precision = 12, scale = 2)
    private BigDecimal price;

    private int stock;

    private int limitPerUser;

    private Instant startAt;

    private Instant endAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private ActivityStatus status;

    @Version
    private long version;

    private Instant createdAt;

    protected Activity() {
    }

    /** A new SCHEDULED sale; refuses a limit above the stock and a window that ends before it starts. */
    Activity(long productId, String title, BigDecimal price, int stock, int limitPerUser, Instant startAt,
            Instant endAt) {
        if (limitPerUser > stock) {
            throw new InvalidSale("limitPerUser", "must not exceed stock (" + stock + ")");
        }
        if (!endAt.isAfter(startAt)) {
            throw new InvalidSale("endAt", "must be after startAt");
        }
        this.productId = productId;
        this.title = title.strip();
        this.price = price.setScale(2, RoundingMode.UNNECESSARY);
        this.stock = stock;
        this.limitPerUser = limitPerUser;
        this.startAt = startAt.truncatedTo(ChronoUnit.MILLIS);
        this.endAt = endAt.truncatedTo(ChronoUnit.MILLIS);
        this.status = ActivityStatus.SCHEDULED;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Changes the terms of a sale that has not started and was not prewarmed: once Redis holds it or
     * shoppers may buy, its terms are fixed.
     */
    void reschedule(String title, BigDecimal price, int stock, int limitPerUser, Instant startAt, Instant endAt,
            Instant now) {
        if (status != ActivityStatus.SCHEDULED || !now.isBefore(this.startAt)) {
            throw new SaleStateConflict("sale " + id + " is " + status + (now.isBefore(this.startAt) ? "" : " and started")
                    + ": only a scheduled sale that has not started can be edited");
        }
        Activity changed = new Activity(productId, title, price, stock, limitPerUser, startAt, endAt);
        this.title = changed.title;
        this.price = changed.price;
        this.stock = changed.stock;
        this.limitPerUser = changed.limitPerUser;
        this.startAt = changed.startAt;
        this.endAt = changed.endAt;
    }

    /** SCHEDULED or PREWARMED becomes PREWARMED (a repeat is harmless); a CLOSED sale stays closed. */
    void markPrewarmed() {
        if (status == ActivityStatus.CLOSED) {
            throw new SaleStateConflict(id, status, "prewarm");
        }
        status = ActivityStatus.PREWARMED;
    }

    /** Any sale may be closed; closing twice changes nothing. */
    void markClosed() {
        status = ActivityStatus.CLOSED;
    }

    Long id() {
        return id;
    }

    long productId() {
        return productId;
    }

    String title() {
        return title;
    }

    BigDecimal price() {
        return price;
    }

    int stock() {
        return stock;
    }

    int limitPerUser() {
        return limitPerUser;
    }

    Instant startAt() {
        return startAt;
    }

    Instant endAt() {
        return endAt;
    }

    ActivityStatus status() {
        return status;
    }
}
