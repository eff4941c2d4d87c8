package io.github.seckill.order.orders;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.common.order.OrderStatus;

/**
 * Order reads for the other services: one order with its history (shopper API, back office; a failed
 * order once its sale's Redis ledger is gone too), and
 * filtered pages (a shopper's own orders; the back office's search).
 */
@RestController
@RequestMapping("/internal/api/v1/orders")
class OrderQueryController {

    private final OrderRows rows;
    private final FailedOrderRows failed;
    private final OrderSearch search;

    OrderQueryController(OrderRows rows, FailedOrderRows failed, OrderSearch search) {
        this.rows = rows;
        this.failed = failed;
        this.search = search;
    }

    record OrderPage(List<OrderView> content, int page, int size, long totalElements) {
    }

    /** An order in MySQL, or a failed one kept after its sale's ledger expired (FAILED with its reason). */
    @GetMapping("/{id}")
    OrderView order(@PathVariable("id") long id) {
        return rows.find(id).or(() -> failed.find(id)).map(OrderView::withHistory)
                .orElseThrow(() -> new OrderNotFound(id));
    }

    @GetMapping
    OrderPage orders(@RequestParam(name = "userId", required = false) @Positive Long userId,
            @RequestParam(name = "activityId", required = false) @Positive Long activityId,
            @RequestParam(name = "status", required = false) OrderStatus status,
            @RequestParam(name = "from", required = false) Instant from,
            @RequestParam(name = "to", required = false) Instant to,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        OrderFilter filter = new OrderFilter(userId, activityId, status, from, to);
        return new OrderPage(search.page(filter, page, size).stream().map(OrderView::of).toList(), page, size,
                search.count(filter));
    }
}
