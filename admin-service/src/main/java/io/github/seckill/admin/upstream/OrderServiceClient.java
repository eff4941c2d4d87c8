package io.github.seckill.admin.upstream;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.orderservice.Order;
import io.github.seckill.common.orderservice.OrderPage;
import io.github.seckill.common.orderservice.OrderServiceApi;
import io.github.seckill.common.orderservice.OrderServiceRefused;
import io.github.seckill.common.orderservice.OrderServiceUnavailable;
import io.github.seckill.common.orderservice.SaleStock;

/** Reads orders and the MySQL stock from order-service; never throws for a service that is down. */
@Component
public class OrderServiceClient {

    private static final Logger log = LoggerFactory.getLogger(OrderServiceClient.class);
    static final String NAME = "order-service";

    private final OrderServiceApi orderService;

    OrderServiceClient(OrderServiceApi orderService) {
        this.orderService = orderService;
    }

    /** The sale's MySQL stock; {@code total} is the sale's stock, used when no order reached MySQL yet. */
    public Remote<SaleStock> stock(long activityId, long total) {
        return call(() -> {
            try {
                return orderService.stock(new SaleId(activityId));
            } catch (OrderServiceRefused e) {
                if (e.status() == 404) {
                    return SaleStock.untouched(activityId, total);
                }
                throw e;
            }
        });
    }

    public Remote<OrderPage> search(OrderQuery q) {
        String status = q.status() == null ? "" : q.status().strip();
        if (!status.isEmpty() && Arrays.stream(OrderStatus.values()).noneMatch(s -> s.name().equals(status))) {
            return Remote.failed("no such status: " + status);
        }
        return call(() -> orderService.orders(q.activityId(), q.userId(),
                status.isEmpty() ? null : OrderStatus.valueOf(status), q.from(), q.to(), q.pageOrFirst(),
                q.sizeOrDefault()));
    }

    /** The order with its status history; empty when order-service knows no such order. */
    public Remote<Optional<Order>> order(String orderId) {
        long id;
        try {
            id = Long.parseLong(orderId.strip());
        } catch (NumberFormatException notAnOrderId) {
            return Remote.of(Optional.empty()); // as order-service's 400 for it
        }
        if (id <= 0) {
            return Remote.of(Optional.empty()); // no order has such an id
        }
        return call(() -> {
            try {
                return Optional.ofNullable(orderService.order(new OrderId(id)));
            } catch (OrderServiceRefused e) {
                if (e.status() == 404 || e.status() == 400) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private static <T> Remote<T> call(Supplier<T> call) {
        try {
            return Remote.of(call.get());
        } catch (OrderServiceRefused e) {
            log.warn("{} refused: {}", NAME, e.status());
            return Remote.failed(NAME + " answered " + e.status());
        } catch (OrderServiceUnavailable e) {
            log.warn("{} unavailable: {}", NAME, e.getMessage());
            return Remote.failed(NAME + " unavailable");
        }
    }

    static <T> Remote<T> call(Supplier<T> call, String service, Logger log) {
        try {
            return Remote.of(call.get());
        } catch (HttpClientErrorException e) {
            log.warn("{} refused: {}", service, e.getStatusCode());
            return Remote.failed(service + " answered " + e.getStatusCode().value());
        } catch (RestClientException e) {
            log.warn("{} unavailable: {}", service, e.getMessage());
            return Remote.failed(service + " unavailable");
        }
    }

    static UpstreamRefused refused(String service, RestClientException e) {
        if (e instanceof HttpClientErrorException c) {
            JsonNode problem = null;
            try {
                problem = c.getResponseBodyAs(JsonNode.class);
            } catch (RuntimeException notJson) {
                // keep the status text
            }
            String detail = problem != null && problem.hasNonNull("detail") ? problem.get("detail").asText()
                    : c.getStatusText();
            return new UpstreamRefused(c.getStatusCode().value(), service + ": " + detail);
        }
        return new UpstreamRefused(HttpStatus.SERVICE_UNAVAILABLE.value(), service + " unavailable");
    }
}
