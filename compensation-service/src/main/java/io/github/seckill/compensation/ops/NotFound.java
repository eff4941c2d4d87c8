package io.github.seckill.compensation.ops;

/** The archive asked for does not exist. */
class NotFound extends RuntimeException {

    NotFound(String what) {
        super(what + " not found");
    }
}
