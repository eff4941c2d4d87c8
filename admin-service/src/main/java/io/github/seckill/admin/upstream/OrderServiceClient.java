package io.github.seckill.admin.upstream;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads orders and the MySQL stock from order-service; never throws for a service that is down. */
public class OrderServiceClient {

    private static final Logger log = LoggerFactory.getLogger(OrderServiceClient.class);
    static final String NAME = "order-service";

    private final RestClient http;

    OrderServiceClient(RestClient http) {
        this.http = http;
    }

    /** The sale's MySQL stock; {@code total} is the sale's stock, used when no order reached MySQL yet. */
    public Remote<Orders.SaleStock> stock(long activityId, long total) {
        return call(() -> {
            try {
                return http.get().uri("/internal/api/v1/activities/{id}/stock", activityId).retrieve()
                        .body(Orders.SaleStock.class);
            } catch (HttpClientErrorException.NotFound e) {
                return Orders.SaleStock.untouched(activityId, total);
            }
        });
    }

    public Remote<Orders.Page> search(Orders.Query q) {
        return call(() -> http.get().uri(b -> query(b, q)).retrieve().body(Orders.Page.class));
    }

    /** The order with its status history; empty when order-service knows no such order. */
    public Remote<Optional<Orders.Order>> order(String orderId) {
        return call(() -> {
            try {
                return Optional.ofNullable(http.get().uri("/internal/api/v1/orders/{id}", orderId).retrieve()
                        .body(Orders.Order.class));
            } catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest e) {
                return Optional.empty();
            }
        });
    }

    private static URI query(UriBuilder b, Orders.Query q) {
        b.path("/internal/api/v1/orders");
        if (q.activityId() != null) {
            b.queryParam("activityId", q.activityId());
        }
        if (q.userId() != null) {
            b.queryParam("userId", q.userId());
        }
        if (q.status() != null && !q.status().isBlank()) {
            b.queryParam("status", q.status());
        }
        if (q.from() != null) {
            b.queryParam("from", q.from().toString());
        }
        if (q.to() != null) {
            b.queryParam("to", q.to().toString());
        }
        return b.queryParam("page", q.pageOrFirst()).queryParam("size", q.sizeOrDefault()).build();
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

    private <T> Remote<T> call(Supplier<T> call) {
        return call(call, NAME, log);
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
