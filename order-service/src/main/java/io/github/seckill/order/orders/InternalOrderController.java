package io.github.seckill.order.orders;

import java.math.BigDecimal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.problem.ProblemTypes;

/** Orders for the other services (the shopper API's status view); not routed to the public. */
@RestController
class InternalOrderController {

    private final Orders orders;

    InternalOrderController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/internal/api/v1/orders/{id}")
    ResponseEntity<?> order(@PathVariable("id") long id) {
        return orders.findById(id)
                .<ResponseEntity<?>>map(o -> ResponseEntity.ok(new StoredOrder(Long.toString(id), o.activityId(),
                        o.userId(), o.quantity(), o.amount(), o.status(), o.reason())))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no order " + id);
                    problem.setType(ProblemTypes.NOT_FOUND);
                    problem.setTitle("Order not found");
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
                });
    }

    record StoredOrder(String orderId, long activityId, long userId, int quantity,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, OrderStatus status, String reason) {
    }
}
