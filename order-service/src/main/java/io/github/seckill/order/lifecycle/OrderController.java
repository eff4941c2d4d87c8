package io.github.seckill.order.lifecycle;


import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


import io.github.seckill.order.orders.OrderView;

/** Order transitions for the other services (the shopper API), and the payment switch; not routed to the public. */
@RestController
@RequestMapping("/internal/api/v1")
class OrderController {

    private final OrderLifecycle lifecycle;
    private final PaymentProvider provider;

    OrderController(OrderLifecycle lifecycle, PaymentProvider provider) {
        this.lifecycle = lifecycle;
        this.provider = provider;
    }

    record Caller(@NotNull @Positive Long userId) {
    }

    record ProviderMode(@NotNull PaymentProvider.Mode mode) {
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
