package io.github.seckill.admin.activity;

class SaleNotFound extends RuntimeException {

    SaleNotFound(long id) {
        super("no sale with id " + id);
    }
}
