package io.github.seckill.common.orderservice;

/** A call to order-service's internal API that did not give an answer to use. */
public abstract sealed class OrderServiceException extends RuntimeException
        permits OrderServiceRefused, OrderServiceUnavailable {

    private final int status;
    private final String detail;

    OrderServiceException(String message, int status, String detail, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.detail = detail;
    }

    /** order-service's HTTP status, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** The {@code detail} of order-service's problem answer, or null when it sent none. */
    public String detail() {
        return detail;
    }
}
