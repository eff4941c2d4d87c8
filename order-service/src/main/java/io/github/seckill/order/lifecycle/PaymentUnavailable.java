package io.github.seckill.order.lifecycle;

/** The payment provider did not answer in time (503); the order stays CREATED. */
class PaymentUnavailable extends RuntimeException {

    PaymentUnavailable(long orderId) {
        super("payment for order " + orderId + " could not be taken now");
    }
}
