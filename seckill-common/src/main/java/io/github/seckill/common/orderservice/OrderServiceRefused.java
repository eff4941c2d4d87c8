package io.github.seckill.common.orderservice;

/** order-service answered 4xx: this request will not succeed as it is (not found, not allowed now, declined). */
public final class OrderServiceRefused extends OrderServiceException {

    public OrderServiceRefused(int status, String detail, Throwable cause) {
        super("order-service refused: " + status + (detail == null ? "" : " " + detail), status, detail, cause);
    }
}
