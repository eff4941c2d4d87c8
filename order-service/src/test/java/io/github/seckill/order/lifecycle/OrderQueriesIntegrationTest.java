package io.github.seckill.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.order.orders.OrderFilter;
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.orders.OrderSearch;
import io.github.seckill.order.orders.OrderTimeline;
import io.github.seckill.order.orders.StoredOrder;
import io.github.seckill.order.placement.Placement;
import io.github.seckill.order.stock.SaleStocks;

/** The read side the back office and reconciliation use, over orders that really went through their lifecycle. */
class OrderQueriesIntegrationTest extends OrderTestSupport {

    @Autowired
    Placement placement;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    OrderRows rows;
    @Autowired
    OrderSearch search;
    @Autowired
    SaleStocks stocks;

    private OrderPlaced created(long sale, long user) throws Exception {
        OrderPlaced order = reserved(sale, user, 1);
        assertThat(placement.place(order)).isEqualTo(Placement.Outcome.COMMITTED);
        return order;
    }

    @Test
    void stockCountsSearchAndHistoryFollowTheLifecycle() throws Exception {
        long sale = openSale(5, 1);
        OrderPlaced kept = created(sale, 11);
        OrderPlaced paid = created(sale, 12);
        OrderPlaced cancelled = created(sale, 13);
        lifecycle.pay(paid.orderId(), 12);
        lifecycle.cancel(cancelled.orderId(), 13);

        SaleStocks.StockRow stock = stocks.find(sale).orElseThrow();
        assertThat(stock.total()).isEqualTo(5);
        assertThat(stock.remaining()).isEqualTo(3);
        assertThat(stock.sold()).isEqualTo(2);
        assertThat(search.countsByStatus(sale)).containsExactlyInAnyOrderEntriesOf(Map.of(OrderStatus.CREATED, 1L,
                OrderStatus.PAID, 1L, OrderStatus.CANCELLED, 1L));
        assertThat(stocks.find(sale + 1_000_000)).isEmpty();

        OrderFilter paidInSale = new OrderFilter(null, sale, OrderStatus.PAID, null, null);
        assertThat(search.page(paidInSale, 0, 10)).extracting(StoredOrder::orderId).containsExactly(paid.orderId());
        assertThat(search.count(new OrderFilter(null, sale, null, null, null))).isEqualTo(3);
        assertThat(search.page(new OrderFilter(11L, sale, null, null, null), 0, 10)).extracting(StoredOrder::orderId)
                .containsExactly(kept.orderId());
        assertThat(search.page(new OrderFilter(null, sale, null, null, null), 1, 2)).hasSize(1);

        StoredOrder ended = rows.find(cancelled.orderId()).orElseThrow();
        assertThat(ended.timeline().xid()).isNotBlank();
        assertThat(ended.timeline().history(ended.status())).extracting(OrderTimeline.Step::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CREATED, OrderStatus.CANCELLED);
        StoredOrder settled = rows.find(paid.orderId()).orElseThrow();
        assertThat(settled.timeline().history(settled.status())).extracting(OrderTimeline.Step::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CREATED, OrderStatus.PAID);
        assertThat(settled.timeline().paidAt()).isAfterOrEqualTo(settled.timeline().createdAt());
    }
}
