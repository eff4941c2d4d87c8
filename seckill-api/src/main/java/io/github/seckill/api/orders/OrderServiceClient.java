package io.github.seckill.api.orders;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.api.infra.Breakers;
import io.github.seckill.api.web.Problem;
import io.github.seckill.common.orderservice.Caller;
import io.github.seckill.common.orderservice.Order;
import io.github.seckill.common.orderservice.OrderPage;
import io.github.seckill.common.orderservice.OrderServiceApi;
import io.github.seckill.common.orderservice.OrderServiceRefused;
import io.github.seckill.common.orderservice.OrderServiceUnavailable;
import io.github.seckill.common.problem.ProblemTypes;

/**
 * order-service's internal API, which owns orders in MySQL: reads, and the payment and cancellation of
 * the order lifecycle. Calls are bounded by timeouts and a circuit breaker; a failing order-service is
 * answered 503 with Retry-After, its refusals (404, 402, 409) are passed on with this API's types.
 */
@Component
class OrderServiceClient {

    private final OrderServiceApi orderService;
    private final Breakers breakers;

    OrderServiceClient(OrderServiceApi orderService, Breakers breakers) {
        this.orderService = orderService;
        this.breakers = breakers;
    }

    Optional<Order> find(long orderId) {
        try {
            return Optional.ofNullable(call(() -> orderService.order(new OrderId(orderId))));
        } catch (Problem e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** One page of the shopper's orders in MySQL, newest first. */
    OrderPage list(long userId, int page, int size) {
        return call(() -> orderService.orders(null, userId, null, null, null, page, size));
    }

    Order pay(long orderId, long userId) {
        return call(() -> orderService.pay(new OrderId(orderId), new Caller(userId)));
    }

    Order cancel(long orderId, long userId) {
        return call(() -> orderService.cancel(new OrderId(orderId), new Caller(userId)));
    }

    // the breaker counts order-service's failures, not its refusals (ignore-exceptions in application.yml)
    private <T> T call(Supplier<T> request) {
        try {
            return breakers.orderService().executeSupplier(request);
        } catch (OrderServiceRefused e) {
            throw refusal(e);
        } catch (OrderServiceUnavailable e) {
            if (e.status() == 503) {
                // e.g. the payment provider timed out: say so, the shopper may retry
                throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Try again",
                        Optional.ofNullable(e.detail()).orElse("orders are not available right now"), Map.of(),
                        Duration.ofSeconds(1));
            }
            // 5xx, timeouts, refused connections, unreadable answers: order-service cannot answer now.
            throw unavailable();
        }
    }

    private static Problem refusal(OrderServiceRefused e) {
        String detail = Optional.ofNullable(e.detail()).orElse("order-service refused: " + e.status());
        return switch (e.status()) {
            case 404 -> new Problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Order not found", detail);
            case 402 -> new Problem(HttpStatus.PAYMENT_REQUIRED, ProblemTypes.PAYMENT_DECLINED, "Payment declined",
                    detail);
            case 409 -> new Problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Not allowed now", detail);
            default -> unavailable();
        };
    }

    static Problem unavailable() {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Try again",
                "orders are not available right now", Map.of(), Duration.ofSeconds(1));
    }
}
