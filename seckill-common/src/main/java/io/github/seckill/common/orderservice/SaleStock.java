package io.github.seckill.common.orderservice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.seckill.common.order.OrderStatus;

/** MySQL's view of one sale: its stock, what is left and sold, and its orders per status. */
public record SaleStock(long activityId, long total, long remaining, long sold, Map<OrderStatus, Long> orders) {

    public SaleStock {
        // in the order given: the statuses read in lifecycle order
        orders = orders == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(orders));
    }

    /** No order of the sale reached MySQL yet (order-service answers 404): all of its stock is left. */
    public static SaleStock untouched(long activityId, long total) {
        return new SaleStock(activityId, total, total, 0,
                Map.of(OrderStatus.CREATED, 0L, OrderStatus.PAID, 0L, OrderStatus.CANCELLED, 0L));
    }
}
