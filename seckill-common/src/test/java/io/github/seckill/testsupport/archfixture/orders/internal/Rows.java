package io.github.seckill.testsupport.archfixture.orders.internal;

/** An internal of the {@code orders} feature. */
public class Rows {

    public int count() {
        return 0;
    }
}
