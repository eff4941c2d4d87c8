package io.github.seckill.order.placement;

import java.time.Clock;

import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.order.orders.Order;
import io.github.seckill.order.orders.Orders;
import io.github.seckill.order.stock.SaleStocks;

/**
 * One Seata global transaction per order: TCC branch on the Redis reservation, AT branch on MySQL
 * (order insert + stock decrement in one local transaction). {@code @Transactional} sits on the
 * same method so the MySQL work is one AT branch, not one per statement.
 */
@Component
class OrderTransaction {

    private final ReservationAction reservation;
    private final Orders orders;
    private final SaleStocks stocks;
    private final Clock clock;

    OrderTransaction(ReservationAction reservation, Orders orders, SaleStocks stocks, Clock clock) {
        this.reservation = reservation;
        this.orders = orders;
        this.stocks = stocks;
        this.clock = clock;
    }

    /** Returns false when the order was already in MySQL (a replayed message): nothing changes. */
    @GlobalTransactional(name = "place-order", timeoutMills = 30_000)
    @Transactional
    public boolean place(OrderPlaced order) {
        if (orders.existsById(order.orderId())) {
            return false;
        }
        reservation.hold(null, order.activityId(), order.orderId());
        orders.saveAndFlush(Order.created(order, RootContext.getXID(), clock.instant()));
        if (!stocks.take(order.activityId(), order.quantity())) {
            throw new StockDrift(order.activityId(), order.orderId(), order.quantity());
        }
        return true;
    }
}
