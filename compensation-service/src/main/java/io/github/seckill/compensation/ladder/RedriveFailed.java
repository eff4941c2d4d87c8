package io.github.seckill.compensation.ladder;

/** This attempt did not settle the order; the record moves to the next rung. */
class RedriveFailed extends RuntimeException {

    RedriveFailed(long orderId, int attempt, Throwable cause) {
        super("attempt " + attempt + " of order " + orderId + " did not settle it", cause);
    }
}
