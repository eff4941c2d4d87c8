package io.github.seckill.compensation.reconcile;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.orderservice.OrderServiceApi;
import io.github.seckill.common.orderservice.OrderServiceRefused;
import io.github.seckill.common.orderservice.SaleStock;

/** MySQL's side of a sale's stock, as order-service reports it; empty while no order of the sale reached MySQL. */
@Component
class MysqlStock {

    private final OrderServiceApi orderService;

    MysqlStock(OrderServiceApi orderService) {
        this.orderService = orderService;
    }

    /** Any other refusal, a 5xx or no answer throws: this check is skipped, the next one tries again. */
    Optional<SaleStock> of(long activityId) {
        try {
            return Optional.ofNullable(orderService.stock(new SaleId(activityId)));
        } catch (OrderServiceRefused e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
