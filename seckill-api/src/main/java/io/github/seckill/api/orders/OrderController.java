package io.github.seckill.api.orders;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The shopper's own orders; another shopper's order id answers 404 like an unknown one. */
@RestController
@Tag(name = "Orders")
class OrderController {

    private final OrderLookup orders;
    private final OrderHistory history;
    private final OrderLifecycle lifecycle;

    OrderController(OrderLookup orders, OrderHistory history, OrderLifecycle lifecycle) {
        this.orders = orders;
        this.history = history;
        this.lifecycle = lifecycle;
    }

    @Operation(summary = "One of my orders", description = "PENDING until MySQL has it, then CREATED, PAID, "
            + "CANCELLED or FAILED (with a reason). 404 for unknown ids and other shoppers' orders.")
    @GetMapping("/api/v1/orders/{id}")
    OrderView order(@PathVariable("id") long orderId, @Parameter(hidden = true) @AuthenticationPrincipal Jwt shopper) {
        return orders.find(user(shopper), orderId).orElseThrow(() -> OrderLifecycle.notFound(orderId));
    }

    @Operation(summary = "My orders, newest first", description = "Pages of at most 50; at most 20 pages deep.")
    @GetMapping("/api/v1/orders")
    OrderHistory.OrderPage mine(@RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(19) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(50) int size,
            @Parameter(hidden = true) @AuthenticationPrincipal Jwt shopper) {
        return history.page(user(shopper), page, size);
    }

    @Operation(summary = "Pay an order", description = "200 with the order PAID (repeats too); 402 "
            + "payment-declined; 409 when the order is not CREATED (yet); 503 when the provider times out.")
    @PostMapping("/api/v1/orders/{id}/payment")
    OrderView pay(@PathVariable("id") long orderId, @Parameter(hidden = true) @AuthenticationPrincipal Jwt shopper) {
        return lifecycle.pay(user(shopper), orderId);
    }

    @Operation(summary = "Cancel an order", description = "200 with the order CANCELLED (repeats too); stock goes "
            + "back to the sale. 409 when it is PAID or not created yet.")
    @PostMapping("/api/v1/orders/{id}/cancellation")
    OrderView cancel(@PathVariable("id") long orderId,
            @Parameter(hidden = true) @AuthenticationPrincipal Jwt shopper) {
        return lifecycle.cancel(user(shopper), orderId);
    }

    private static long user(Jwt shopper) {
        return Long.parseLong(shopper.getSubject());
    }
}
