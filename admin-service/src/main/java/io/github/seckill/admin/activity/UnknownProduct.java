package io.github.seckill.admin.activity;

/** A new sale names a product that does not exist. */
class UnknownProduct extends RuntimeException {

    UnknownProduct(long productId) {
        super("no product with id " + productId);
    }
}
