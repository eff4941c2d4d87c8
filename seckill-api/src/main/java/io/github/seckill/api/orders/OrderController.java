package io.github.seckill.api.orders;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.api.web.Problem;
import io.github.seckill.common.problem.ProblemTypes;

@RestController
class OrderController {

    private final OrderLookup orders;

    OrderController(OrderLookup orders) {
        this.orders = orders;
    }

    /** The shopper's own order; another shopper's id answers 404 like an unknown one. */
    @GetMapping("/api/v1/orders/{id}")
    OrderView order(@PathVariable("id") long orderId, @AuthenticationPrincipal Jwt shopper) {
        return orders.find(Long.parseLong(shopper.getSubject()), orderId)
                .orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Order not found",
                        "no order " + orderId));
    }
}
