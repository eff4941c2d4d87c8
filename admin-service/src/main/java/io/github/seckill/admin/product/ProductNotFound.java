package io.github.seckill.admin.product;

class ProductNotFound extends RuntimeException {

    ProductNotFound(long id) {
        super("no product with id " + id);
    }
}
