package io.github.seckill.order.lifecycle;

/** The payment provider declined the charge (402); the order stays CREATED. */
class PaymentDeclined extends RuntimeException {

    PaymentDeclined(long orderId) {
        super("payment for order " + orderId + " was declined");
    }
}
