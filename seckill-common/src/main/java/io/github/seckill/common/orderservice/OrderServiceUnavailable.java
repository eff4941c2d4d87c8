package io.github.seckill.common.orderservice;

/** order-service answered 5xx, did not answer in time, could not be reached, or answered something unreadable. */
public final class OrderServiceUnavailable extends OrderServiceException {

    public OrderServiceUnavailable(int status, String detail, Throwable cause) {
        super("order-service unavailable: " + (status == 0 ? cause.getMessage() : status + (detail == null ? ""
                : " " + detail)), status, detail, cause);
    }
}
