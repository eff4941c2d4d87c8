package io.github.seckill.order.lifecycle;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.orders.StoredOrder;

/** Orders for the other services (the shopper API); not routed to the public. */
@RestController
@RequestMapping("/internal/api/v1")
class OrderController {

    private final OrderRows rows;
    private final OrderLifecycle lifecycle;
    private final PaymentProvider provider;

    OrderController(OrderRows rows, OrderLifecycle lifecycle, PaymentProvider provider) {
        this.rows = rows;
        this.lifecycle = lifecycle;
        this.provider = provider;
    }

    record OrderView(String orderId, long activityId, long userId, int quantity,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, OrderStatus status, String reason) {

        static OrderView of(StoredOrder o) {
            return new OrderView(Long.toString(o.orderId()), o.activityId(), o.userId(), o.quantity(), o.amount(),
                    o.status(), o.reason());
        }
    }

    record OrderPage(List<OrderView> content, int page, int size, long totalElements) {
    }

    record Caller(@NotNull @Positive Long userId) {
    }

    record ProviderMode(@NotNull PaymentProvider.Mode mode) {
    }

    @GetMapping("/orders/{id}")
    OrderView order(@PathVariable("id") long id) {
        return rows.find(id).map(OrderView::of).orElseThrow(() -> new OrderNotFound(id));
    }

    @GetMapping("/orders")
    OrderPage orders(@RequestParam("userId") @Positive long userId,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        return new OrderPage(rows.byUser(userId, page, size).stream().map(OrderView::of).toList(), page, size,
                rows.countByUser(userId));
    }

    @PostMapping("/orders/{id}/payment")
    OrderView pay(@PathVariable("id") long id, @Valid @RequestBody Caller caller) {
        return OrderView.of(lifecycle.pay(id, caller.userId()));
    }

    @PostMapping("/orders/{id}/cancellation")
    OrderView cancel(@PathVariable("id") long id, @Valid @RequestBody Caller caller) {
        return OrderView.of(lifecycle.cancel(id, caller.userId()));
    }

    @PutMapping("/payment-provider")
    ProviderMode switchProvider(@Valid @RequestBody ProviderMode mode) {
        provider.switchTo(mode.mode());
        return new ProviderMode(provider.mode());
    }
}
