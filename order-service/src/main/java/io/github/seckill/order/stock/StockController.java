package io.github.seckill.order.stock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.common.orderservice.SaleStock;
import io.github.seckill.order.infra.NotFound;
import io.github.seckill.order.orders.OrderSearch;

/**
 * MySQL's view of a sale's stock and orders, for reconciliation against Redis and the back office.
 * A sale none of whose orders reached MySQL yet has no row here: 404.
 */
@RestController
class StockController {

    private final SaleStocks stocks;
    private final OrderSearch search;

    StockController(SaleStocks stocks, OrderSearch search) {
        this.stocks = stocks;
        this.search = search;
    }

    @GetMapping("/internal/api/v1/activities/{id}/stock")
    SaleStock stock(@PathVariable("id") long activityId) {
        SaleStocks.StockRow row = stocks.find(activityId)
                .orElseThrow(() -> new NotFound("no order of sale " + activityId + " has reached MySQL"));
        return new SaleStock(row.activityId(), row.total(), row.remaining(), row.sold(),
                search.countsByStatus(activityId));
    }
}
