package io.github.seckill.compensation.ops;

/** The archive's state forbids the change. */
class Conflict extends RuntimeException {

    Conflict(String message) {
        super(message);
    }
}
