package io.github.seckill.order.placement;

import java.util.List;

import org.springframework.stereotype.Component;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.SaleTerms;
import io.github.seckill.order.stock.SaleStocks;

/**
 * The sale's stock row must exist before the global transaction updates it: it is made from the
 * terms the sale was prewarmed with, outside any global transaction, with INSERT IGNORE, so it
 * never changes an existing row and needs no undo.
 */
@Component
class PlacementPreparation {

    private final Reservations reservations;
    private final SaleStocks stocks;

    PlacementPreparation(Reservations reservations, SaleStocks stocks) {
        this.reservations = reservations;
        this.stocks = stocks;
    }

    void prepare(List<OrderPlaced> orders) {
        OrderBatch.bySale(orders).forEach((sale, group) -> {
            if (!stocks.exists(sale)) {
                SaleTerms terms = reservations.terms(new SaleId(sale))
                        .orElseThrow(() -> new IllegalStateException("sale " + sale + " has no terms in Redis"));
                stocks.ensure(sale, terms);
            }
        });
    }
}
