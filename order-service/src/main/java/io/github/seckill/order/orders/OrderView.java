package io.github.seckill.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.seckill.common.order.OrderStatus;

/**
 * An order as the internal API shows it. The id and money travel as strings; {@code history} is
 * filled on the single-order read only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(String orderId, long activityId, long userId, int quantity,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, OrderStatus status, String reason,
        String xid, Instant placedAt, Instant createdAt, Instant paidAt, Instant updatedAt,
        List<OrderTimeline.Step> history) {

    public static OrderView of(StoredOrder o) {
        OrderTimeline t = o.timeline();
        return new OrderView(Long.toString(o.orderId()), o.activityId(), o.userId(), o.quantity(), o.amount(),
                o.status(), o.reason(), t.xid(), t.placedAt(), t.createdAt(), t.paidAt(), t.updatedAt(), null);
    }

    public static OrderView withHistory(StoredOrder o) {
        OrderView v = of(o);
        return new OrderView(v.orderId, v.activityId, v.userId, v.quantity, v.amount, v.status, v.reason, v.xid,
                v.placedAt, v.createdAt, v.paidAt, v.updatedAt, o.timeline().history(o.status()));
    }
}
