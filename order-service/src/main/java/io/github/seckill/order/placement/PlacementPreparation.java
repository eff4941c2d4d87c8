package io.github.seckill.order.placement;

import java.util.List;

import org.springframework.stereotype.Component;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.SaleTerms;
import io.github.seckill.order.stock.BuyerQuotas;
import io.github.seckill.order.stock.SaleStocks;

/**
 * Rows the global transaction updates must exist before it starts: the sale's stock row (made from
 * the terms it was prewarmed with) and the buyers' quota rows. Created outside any global
 * transaction with INSERT IGNORE, so they never change an existing row and need no undo.
 */
@Component
class PlacementPreparation {

    private final Reservations reservations;
    private final SaleStocks stocks;
    private final BuyerQuotas quotas;

    PlacementPreparation(Reservations reservations, SaleStocks stocks, BuyerQuotas quotas) {
        this.reservations = reservations;
        this.stocks = stocks;
        this.quotas = quotas;
    }

    void prepare(List<OrderPlaced> orders) {
        OrderBatch.bySale(orders).forEach((sale, group) -> {
            if (!stocks.exists(sale)) {
                SaleTerms terms = reservations.terms(sale)
                        .orElseThrow(() -> new IllegalStateException("sale " + sale + " has no terms in Redis"));
                stocks.ensure(sale, terms);
            }
            quotas.ensure(sale, group.stream().map(OrderPlaced::userId).distinct().toList());
        });
    }
}
