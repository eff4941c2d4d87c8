package io.github.seckill.order.lifecycle;

import java.util.List;

import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.github.seckill.order.events.OrderEvents;
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.orders.OrderStateConflict;
import io.github.seckill.order.orders.StoredOrder;
import io.github.seckill.order.orders.Transition;
import io.github.seckill.order.placement.SaleTurns;
import io.github.seckill.order.stock.BuyerQuotas;
import io.github.seckill.order.stock.SaleStocks;

/**
 * Cancels a created order in one Seata global transaction (ADR 6): AT on MySQL (order CANCELLED
 * by a conditional UPDATE, stock back to the slice the order id picks (ADR 18), buyer quota back) and
 * TCC on Redis (stock and quota back at confirm). The conditional UPDATE decides a race with a payment:
 * exactly one of them wins. The CANCELLED event goes to the outbox in the same AT branch (ADR 14).
 */
@Component
class CancelTransaction {

    private final OrderRows rows;
    private final RestockAction restock;
    private final SaleStocks stocks;
    private final BuyerQuotas quotas;
    private final SaleTurns turns;
    private final OrderEvents events;

    CancelTransaction(OrderRows rows, RestockAction restock, SaleStocks stocks, BuyerQuotas quotas,
            SaleTurns turns, OrderEvents events) {
        this.rows = rows;
        this.restock = restock;
        this.stocks = stocks;
        this.quotas = quotas;
        this.turns = turns;
        this.events = events;
    }

    @GlobalTransactional(name = "cancel-order", timeoutMills = 30_000)
    @Transactional
    public void cancel(StoredOrder order, Transition cancelling) {
        if (!rows.apply(cancelling)) {
            throw new OrderStateConflict(order.orderId(), rows.find(order.orderId()).orElseThrow().status(),
                    "cancelled");
        }
        events.changed(order.orderId(), order.activityId(), order.userId(), cancelling.to(), cancelling.reason(),
                RootContext.getXID());
        restock.restock(null, order.activityId(), Long.toString(order.orderId()));
        turns.take(List.of(order.activityId())); // given back by the caller once the global transaction ended
        stocks.giveBack(order.activityId(), stocks.slice(order.orderId()), order.quantity());
        quotas.giveBack(order.activityId(), order.userId(), order.quantity());
    }
}
