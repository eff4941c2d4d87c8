package io.github.seckill.testsupport.archfixture.sales;

import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.testsupport.archfixture.orders.Orders;

/** Breaks no rule itself; its feature and {@code orders} depend on each other. */
@RestController
public class SaleController {

    public int count(Orders orders) {
        return orders.size();
    }
}
