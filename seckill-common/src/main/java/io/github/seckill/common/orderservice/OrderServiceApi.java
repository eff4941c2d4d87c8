package io.github.seckill.common.orderservice;

import java.time.Instant;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;

/**
 * order-service's internal API (HTTP Basic, one service account), as the other services call it. The bean
 * built by {@link OrderServiceAutoConfiguration} throws {@link OrderServiceRefused} for a 4xx and
 * {@link OrderServiceUnavailable} for a 5xx, a timeout, a refused connection or an unreadable answer.
 */
@HttpExchange(url = "/internal/api/v1", accept = "application/json")
public interface OrderServiceApi {

    /** One order in MySQL with its history (or a failed one kept after its sale's ledger expired); 404 if none. */
    @GetExchange("/orders/{id}")
    Order order(@PathVariable("id") OrderId orderId);

    /**
     * A page of orders, newest first; a null filter means any (filters stay plain numbers: one that names
     * nothing matches nothing). order-service serves at most 100 per page.
     */
    @GetExchange("/orders")
    OrderPage orders(@RequestParam(name = "activityId", required = false) Long activityId,
            @RequestParam(name = "userId", required = false) Long userId,
            @RequestParam(name = "status", required = false) OrderStatus status,
            @RequestParam(name = "from", required = false) Instant from,
            @RequestParam(name = "to", required = false) Instant to,
            @RequestParam("page") int page, @RequestParam("size") int size);

    /** Pays the caller's order: 402 declined, 404 not the caller's order, 409 not payable now, 503 provider hung. */
    @PostExchange("/orders/{id}/payment")
    Order pay(@PathVariable("id") OrderId orderId, @RequestBody Caller caller);

    /** Cancels the caller's order: 404 not the caller's order, 409 not cancellable now. */
    @PostExchange("/orders/{id}/cancellation")
    Order cancel(@PathVariable("id") OrderId orderId, @RequestBody Caller caller);

    /** Places a failed order again through order-service's own idempotent placement. */
    @PostExchange("/placements")
    Redriven redrive(@RequestBody OrderPlaced order);

    /** MySQL's view of a sale's stock; 404 while no order of the sale reached MySQL. */
    @GetExchange("/activities/{id}/stock")
    SaleStock stock(@PathVariable("id") SaleId sale);
}
