package io.github.seckill.order.orders;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;

/** An order in MySQL. Created by the placement transaction; its id comes from the shopper API. */
@Entity
@Table(name = "orders")
public class Order implements Persistable<Long> {

    @Id
    private Long id;
    @Column(name = "activity_id", nullable = false)
    private long activityId;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(nullable = false)
    private int quantity;
    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;
    @Column(nullable = false)
    private BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderStatus status;
    private String reason;
    private String xid;
    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Transient
    private boolean fresh;

    protected Order() {
    }

    /** A new order awaiting payment, written by global transaction {@code xid}. */
    public static Order created(OrderPlaced placed, String xid, Instant now) {
        Order order = new Order();
        order.id = placed.orderId();
        order.activityId = placed.activityId();
        order.userId = placed.userId();
        order.quantity = placed.quantity();
        order.unitPrice = placed.unitPrice();
        order.amount = placed.amount();
        order.status = OrderStatus.CREATED;
        order.xid = xid;
        order.placedAt = placed.placedAt();
        order.createdAt = now;
        order.updatedAt = now;
        order.fresh = true;
        return order;
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public long activityId() {
        return activityId;
    }

    public long userId() {
        return userId;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal amount() {
        return amount;
    }

    public OrderStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String xid() {
        return xid;
    }
}
