package io.github.seckill.compensation.ladder;

import org.springframework.stereotype.Component;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.orderservice.OrderServiceApi;
import io.github.seckill.common.orderservice.OrderServiceException;
import io.github.seckill.common.orderservice.OrderServiceUnavailable;
import io.github.seckill.common.orderservice.Redriven;

/**
 * Places a failed order again through order-service's own idempotent placement
 * ({@code POST /internal/api/v1/placements}); a refusal, a connection error or a 5xx throws
 * {@link OrderServiceException}.
 */
@Component
public class Redrive {

    private final OrderServiceApi orderService;

    Redrive(OrderServiceApi orderService) {
        this.orderService = orderService;
    }

    public Redriven.Outcome redrive(OrderPlaced order) {
        Redriven answer = orderService.redrive(order);
        if (answer == null) {
            throw new OrderServiceUnavailable(0, null, new IllegalStateException(
                    "order-service answered without an outcome for " + order.orderId()));
        }
        return answer.outcome();
    }

    /** What the attempt log records of a failure: what happened on the wire, as ops read it before. */
    public static Throwable cause(OrderServiceException e) {
        return e.getCause() == null ? e : e.getCause();
    }
}
