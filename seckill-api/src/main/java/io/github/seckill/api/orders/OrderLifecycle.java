package io.github.seckill.api.orders;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.github.seckill.api.web.Problem;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.redis.LedgerEntry;

/**
 * Payment and cancellation, forwarded to order-service's order lifecycle once the order is in MySQL.
 * Before that (the ledger still holds it) there is nothing to pay or cancel yet: 409 with Retry-After.
 */
@Service
class OrderLifecycle {

    private final OrderLookup lookup;
    private final OrderServiceClient orderService;

    OrderLifecycle(OrderLookup lookup, OrderServiceClient orderService) {
        this.lookup = lookup;
        this.orderService = orderService;
    }

    OrderView pay(long userId, long orderId) {
        checkCreated(userId, orderId, "paid");
        return OrderView.of(orderService.pay(orderId, userId));
    }

    OrderView cancel(long userId, long orderId) {
        checkCreated(userId, orderId, "cancelled");
        return OrderView.of(orderService.cancel(orderId, userId));
    }

    private void checkCreated(long userId, long orderId, String verb) {
        Optional<LedgerEntry> entry = lookup.entry(userId, orderId).orElseThrow(() -> notFound(orderId));
        if (entry.isEmpty()) {
            return; // trimmed from the ledger after the sale: order-service decides
        }
        switch (entry.get().state()) {
            case RESERVED, TRYING -> throw new Problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Not allowed now",
                    "order is not created yet; it can be " + verb + " once its status is CREATED", Map.of(),
                    Duration.ofSeconds(1));
            case RELEASED -> throw new Problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Not allowed",
                    "order failed (" + entry.get().reason() + ") and cannot be " + verb);
            default -> {
                // in MySQL: order-service decides (and answers repeats as they are)
            }
        }
    }

    static Problem notFound(long orderId) {
        return new Problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Order not found", "no order " + orderId);
    }
}
