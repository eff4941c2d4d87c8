package io.github.seckill.api.purchase;

import io.github.seckill.common.order.OrderStatus;

/** 202 body: the order id travels as a string (JavaScript loses digits past 2^53). */
record PurchaseAccepted(String orderId, OrderStatus status) {
}
