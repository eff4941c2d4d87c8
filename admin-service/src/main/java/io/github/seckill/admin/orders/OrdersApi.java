package io.github.seckill.admin.orders;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.admin.upstream.OrderQuery;
import io.github.seckill.admin.upstream.OrderServiceClient;
import io.github.seckill.admin.upstream.Remote;
import io.github.seckill.common.orderservice.OrderPage;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.problem.Problems;

/**
 * <code>GET /admin/api/v1/orders?activityId=&amp;status=&amp;userId=&amp;from=&amp;to=&amp;page=&amp;size=</code>:
 * a page of orders from order-service, newest first; 503 problem when order-service does not answer.
 */
@RestController
class OrdersApi {

    private static final List<String> STATUSES = List.of(OrdersPage.STATUSES);

    private final OrderServiceClient orders;

    OrdersApi(OrderServiceClient orders) {
        this.orders = orders;
    }

    @GetMapping("/admin/api/v1/orders")
    ResponseEntity<?> search(@ModelAttribute OrderQuery q) {
        if (q.status() != null && !q.status().isBlank() && !STATUSES.contains(q.status())) {
            return problem(Problems.invalid("status", "must be one of " + STATUSES));
        }
        Remote<OrderPage> page = orders.search(q);
        if (!page.available()) {
            return problem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, page.unavailable()));
        }
        return ResponseEntity.ok(page.value());
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).body(p);
    }
}
