package io.github.seckill.compensation.ops;

/** A request the ops API refuses before doing anything: the field (or parameter) and what is wrong. */
class InvalidRequest extends RuntimeException {

    private final String field;

    InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
