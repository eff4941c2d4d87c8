package io.github.seckill.compensation.ladder;

/** The last attempt the policy allows failed: not retried, the record goes straight to the DLQ. */
class LadderExhausted extends RuntimeException {

    LadderExhausted(long orderId, int attempts, Throwable cause) {
        super("order " + orderId + " not settled after " + attempts + " attempts", cause);
    }
}
