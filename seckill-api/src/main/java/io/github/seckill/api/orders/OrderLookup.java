package io.github.seckill.api.orders;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.api.web.Problem;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.redis.LedgerEntry;
import io.github.seckill.common.redis.Reservations;

/**
 * An order's status: PENDING while the reservation ledger holds it, FAILED when it was released,
 * and MySQL's status (from order-service) once the global transaction committed.
 */
@Service
class OrderLookup {

    private final Reservations reservations;
    private final OrderServiceClient orderService;
    private final ObjectMapper json;

    OrderLookup(Reservations reservations, OrderServiceClient orderService, ObjectMapper json) {
        this.reservations = reservations;
        this.orderService = orderService;
        this.json = json;
    }

    /** The user's order, or empty when there is none of that id (or it is someone else's). */
    Optional<OrderView> find(long userId, long orderId) {
        return reservations.saleOf(userId, orderId)
                .flatMap(sale -> reservations.entry(sale, orderId))
                .flatMap(entry -> view(userId, entry));
    }

    private Optional<OrderView> view(long userId, LedgerEntry entry) {
        OrderPlaced placed = read(entry.payload());
        return switch (entry.state()) {
            case RESERVED, TRYING -> Optional.of(view(placed, OrderStatus.PENDING, null));
            case RELEASED -> Optional.of(view(placed, OrderStatus.FAILED, entry.reason()));
            case CONFIRMED, CANCELLING, CANCELLED -> stored(placed).filter(o -> o.userId() == userId)
                    .map(o -> new OrderView(Long.toString(o.orderId()), o.activityId(), o.quantity(), o.amount(),
                            o.status(), o.reason()))
                    .or(() -> Optional.of(view(placed, OrderStatus.PENDING, null)));
        };
    }

    private Optional<OrderServiceClient.StoredOrder> stored(OrderPlaced placed) {
        try {
            return orderService.find(placed.orderId());
        } catch (RestClientException e) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                    "Try again", "order status is not available right now", Map.of(), Duration.ofSeconds(1));
        }
    }

    private static OrderView view(OrderPlaced placed, OrderStatus status, String reason) {
        return new OrderView(Long.toString(placed.orderId()), placed.activityId(), placed.quantity(),
                placed.amount(), status, reason);
    }

    private OrderPlaced read(String payload) {
        try {
            return json.readValue(payload, OrderPlaced.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ledger payload", e);
        }
    }
}
