package io.github.seckill.api.orders;

import java.util.Optional;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.api.web.Problem;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.orderservice.Order;
import io.github.seckill.common.redis.LedgerEntry;
import io.github.seckill.common.redis.Reservations;

/**
 * An order's status (ADR 4): PENDING while the reservation ledger holds it, FAILED when it was released,
 * and MySQL's status (from order-service) once the global transaction committed. Only orders in the
 * shopper's own index are found: anyone else's id is "not found", like an unknown one.
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
        Optional<SaleId> sale = saleOf(userId, orderId);
        if (sale.isEmpty()) {
            return Optional.empty();
        }
        return reservations.entry(sale.get(), new OrderId(orderId)).map(entry -> view(userId, entry))
                .orElseGet(() -> stored(userId, orderId)); // trimmed from the ledger after the sale
    }

    /** Whether the order is the user's, and its ledger entry if the ledger still has it. */
    Optional<Optional<LedgerEntry>> entry(long userId, long orderId) {
        return saleOf(userId, orderId).map(sale -> reservations.entry(sale, new OrderId(orderId)));
    }

    /**
     * The sale of the user's order, from the shopper's index; where the index lost it (its write
     * failed at the purchase), from MySQL once the order is there, and the index is repaired.
     */
    private Optional<SaleId> saleOf(long userId, long orderId) {
        if (userId <= 0 || orderId <= 0) {
            return Optional.empty(); // no order has such ids: not found, as before they were typed
        }
        OrderId order = new OrderId(orderId);
        UserId user = new UserId(userId);
        Optional<SaleId> indexed = reservations.saleOf(order, user);
        if (indexed.isPresent()) {
            return indexed;
        }
        Optional<SaleId> stored;
        try {
            stored = orderService.find(orderId).filter(o -> o.userId() == userId)
                    .map(o -> new SaleId(o.activityId()));
        } catch (Problem unavailable) {
            return Optional.empty(); // not found for now, as without the index; a later lookup repairs it
        }
        stored.ifPresent(sale -> reservations.index(sale, order, user));
        return stored;
    }

    private Optional<OrderView> stored(long userId, long orderId) {
        return orderService.find(orderId).filter(o -> o.userId() == userId).map(OrderView::of);
    }

    private Optional<OrderView> view(long userId, LedgerEntry entry) {
        OrderPlaced placed = placed(entry);
        return switch (entry.state()) {
            case RESERVED, TRYING -> Optional.of(OrderView.of(placed, OrderStatus.PENDING, null));
            case RELEASED -> Optional.of(OrderView.of(placed, OrderStatus.FAILED, entry.reason()));
            // CONFIRMED and every state after it (cancelling, cancelled): MySQL has the order's status.
            default -> stored(userId, placed.orderId())
                    .or(() -> Optional.of(OrderView.of(placed, OrderStatus.PENDING, null)));
        };
    }

    OrderPlaced placed(LedgerEntry entry) {
        try {
            return json.readValue(entry.payload(), OrderPlaced.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ledger payload of order " + entry.orderId(), e);
        }
    }
}
