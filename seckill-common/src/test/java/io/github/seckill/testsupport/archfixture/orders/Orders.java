package io.github.seckill.testsupport.archfixture.orders;

import org.springframework.beans.factory.annotation.Value;

import io.github.seckill.testsupport.archfixture.orders.internal.Rows;
import io.github.seckill.testsupport.archfixture.sales.SaleController;

/** Breaks every layout rule: a cycle, a controller called from the domain, and an injected {@code @Value}. */
public class Orders {

    private final int size;

    public Orders(@Value("${orders.size:1}") int size) {
        this.size = size;
    }

    public int size() {
        return new Rows().count() + size;
    }

    public int viaController() {
        return new SaleController().count(this);
    }
}
