package io.github.seckill.admin.activity;

/** A sale whose fields contradict each other (limit above stock, window ending before it starts). */
class InvalidSale extends RuntimeException {

    private final String field;

    InvalidSale(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
