package io.github.seckill.admin.orders;

import java.util.Optional;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.seckill.admin.ui.UiController;
import io.github.seckill.admin.upstream.OrderServiceClient;
import io.github.seckill.admin.upstream.OrderQuery;
import io.github.seckill.admin.upstream.Remote;
import io.github.seckill.common.orderservice.Order;

/** Orders pages, read from order-service: search by id, user, sale, status, time; one order's history. */
@UiController
class OrdersPage {

    static final String[] STATUSES = {"PENDING", "CREATED", "PAID", "CANCELLED", "FAILED"};

    private final OrderServiceClient orders;

    OrdersPage(OrderServiceClient orders) {
        this.orders = orders;
    }

    @GetMapping("/orders")
    String search(@ModelAttribute("q") OrderQuery q, @RequestParam(required = false) String orderId, Model model) {
        // order ids are 64-bit numbers: anything else is not put into a redirect
        if (orderId != null && orderId.strip().matches("\\d{1,19}")) {
            return "redirect:/orders/" + orderId.strip();
        }
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("result", orders.search(q));
        return "orders/list";
    }

    @GetMapping("/orders/{id}")
    String detail(@PathVariable String id, Model model) {
        Remote<Optional<Order>> order = orders.order(id);
        model.addAttribute("orderId", id);
        model.addAttribute("order", order.map(o -> o.orElse(null)));
        model.addAttribute("missing", order.available() && order.value().isEmpty());
        return "orders/detail";
    }
}
