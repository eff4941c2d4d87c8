package io.github.seckill.order.placement;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingInt;
import static java.util.stream.Collectors.toList;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.TryOutcome;
import io.github.seckill.order.events.OrderEvents;
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.stock.BuyerQuotas;
import io.github.seckill.order.stock.SaleStocks;

/**
 * One Seata global transaction for a batch of orders (ADR 5): a TCC branch per sale (per thousand of its
 * orders) on the Redis reservations, and one AT branch on MySQL with one multi-row insert, one stock decrement per sale
 * and one quota update per sale, so the sale's stock row is locked once per batch, not per order; the row
 * is the slice of the batch's partition (ADR 18), so another instance's batches do not wait for it. The orders'
 * CREATED events go to the outbox in the same branch, one more multi-row insert (ADR 14): a batch that
 * rolls back leaves none.
 * {@code @Transactional} sits on the same method so the MySQL work is a single AT branch, READ COMMITTED:
 * under REPEATABLE READ the quota upsert and Seata's before image of it take gap locks around buyers who
 * have no row yet, and batches of other instances inserting their buyers wait on them (ADR 18).
 */
@Component
class OrderBatch {

    /**
     * Order ids per TCC branch: a branch carries its ids in its action context, which the TC stores
     * with the branch (coordinator/: 64 KB per branch session). 1,000 ids are some 20 KB; a bigger batch
     * of one sale registers one branch per thousand.
     */
    static final int IDS_PER_BRANCH = 1_000;

    private final ReservationAction reservation;
    private final OrderRows rows;
    private final SaleStocks stocks;
    private final BuyerQuotas quotas;
    private final SaleTurns turns;
    private final OrderEvents events;

    OrderBatch(ReservationAction reservation, OrderRows rows, SaleStocks stocks, BuyerQuotas quotas,
            SaleTurns turns, OrderEvents events) {
        this.reservation = reservation;
        this.rows = rows;
        this.stocks = stocks;
        this.quotas = quotas;
        this.turns = turns;
        this.events = events;
    }

    /**
     * Throws {@link Refusal} when MySQL refuses any held order; the whole batch then rolls back. Takes
     * the turns of its sales ({@link SaleTurns}); the caller gives them back after this returns or throws.
     */
    @GlobalTransactional(name = "place-orders", timeoutMills = 30_000)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public BatchResult place(List<OrderPlaced> orders, int partition) {
        Map<Long, TryOutcome> tried = new HashMap<>();
        bySale(orders).forEach((sale, group) -> {
            for (int from = 0; from < group.size(); from += IDS_PER_BRANCH) {
                List<OrderPlaced> part = group.subList(from, Math.min(group.size(), from + IDS_PER_BRANCH));
                tried.putAll(reservation.hold(null, sale,
                        RedisReservationAction.join(part.stream().map(OrderPlaced::orderId).toList())));
            }
        });
        List<OrderPlaced> held = orders.stream().filter(o -> tried.get(o.orderId()).held()).toList();
        if (!held.isEmpty()) {
            rows.insertCreated(held, RootContext.getXID());
            events.created(held, RootContext.getXID());
            Map<Long, List<OrderPlaced>> sales = bySale(held);
            turns.take(sales.keySet()); // given back by the caller once the global transaction ended
            int slice = stocks.slice(partition);
            new TreeMap<>(sales).forEach((sale, group) -> takeStockAndQuota(sale, slice, group)); // rows in one order
        }
        Map<Long, TryOutcome> notHeld = new LinkedHashMap<>(tried);
        held.forEach(o -> notHeld.remove(o.orderId()));
        return new BatchResult(held, notHeld);
    }

    private void takeStockAndQuota(long sale, int slice, List<OrderPlaced> orders) {
        int quantity = orders.stream().mapToInt(OrderPlaced::quantity).sum();
        if (!stocks.take(sale, slice, quantity)) {
            throw Refusal.noStock(sale, quantity);
        }
        Map<Long, Integer> byUser = orders.stream().collect(groupingBy(OrderPlaced::userId, LinkedHashMap::new,
                summingInt(OrderPlaced::quantity)));
        List<Long> over = quotas.add(sale, byUser);
        if (!over.isEmpty()) {
            throw Refusal.overLimit(sale, over);
        }
    }

    static Map<Long, List<OrderPlaced>> bySale(List<OrderPlaced> orders) {
        return orders.stream().collect(groupingBy(OrderPlaced::activityId, LinkedHashMap::new,
                toList()));
    }
}
