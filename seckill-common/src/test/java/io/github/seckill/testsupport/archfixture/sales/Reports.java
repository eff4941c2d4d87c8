package io.github.seckill.testsupport.archfixture.sales;

import io.github.seckill.testsupport.archfixture.orders.internal.Rows;

/** Reaches into another feature's internals. */
public class Reports {

    public int rows() {
        return new Rows().count();
    }
}
