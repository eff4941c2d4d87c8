package io.github.seckill.api.orders;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import io.github.seckill.api.infra.Breakers;
import io.github.seckill.api.web.Problem;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.problem.ProblemTypes;

/**
 * order-service's internal API, which owns orders in MySQL: reads, and the payment and cancellation of
 * the order lifecycle. Calls are bounded by timeouts and a circuit breaker; a failing order-service is
 * answered 503 with Retry-After, its refusals (404, 402, 409) are passed on with this API's types.
 */
@Component
class OrderServiceClient {

    private final RestClient http;
    private final Breakers breakers;

    OrderServiceClient(RestClient.Builder builder, OrderServiceSettings settings, Breakers breakers) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.baseUrl(settings.url().toString())
                .requestFactory(requests)
                .defaultHeaders(h -> h.setBasicAuth(settings.username(), settings.password()))
                .build();
        this.breakers = breakers;
    }

    Optional<StoredOrder> find(long orderId) {
        try {
            return Optional.ofNullable(call(() -> http.get().uri("/internal/api/v1/orders/{id}", orderId)
                    .retrieve().body(StoredOrder.class)));
        } catch (Problem e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** One page of the shopper's orders in MySQL, newest first. */
    StoredPage list(long userId, int page, int size) {
        return call(() -> http.get().uri("/internal/api/v1/orders?userId={u}&page={p}&size={s}", userId, page, size)
                .retrieve().body(StoredPage.class));
    }

    StoredOrder pay(long orderId, long userId) {
        return call(() -> http.post().uri("/internal/api/v1/orders/{id}/payment", orderId)
                .body(Map.of("userId", userId)).retrieve().body(StoredOrder.class));
    }

    StoredOrder cancel(long orderId, long userId) {
        return call(() -> http.post().uri("/internal/api/v1/orders/{id}/cancellation", orderId)
                .body(Map.of("userId", userId)).retrieve().body(StoredOrder.class));
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return breakers.orderService().executeSupplier(request);
        } catch (HttpClientErrorException e) {
            throw refusal(e);
        } catch (HttpServerErrorException.ServiceUnavailable e) {
            // e.g. the payment provider timed out: say so, the shopper may retry
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Try again",
                    Optional.ofNullable(upstreamDetail(e)).orElse("orders are not available right now"), Map.of(),
                    java.time.Duration.ofSeconds(1));
        } catch (RestClientException e) {
            // 5xx, timeouts, refused connections, unreadable answers: order-service cannot answer now.
            throw unavailable();
        }
    }

    private static Problem refusal(HttpClientErrorException e) {
        String detail = Optional.ofNullable(upstreamDetail(e)).orElse("order-service refused: " + e.getStatusCode());
        return switch (e.getStatusCode().value()) {
            case 404 -> new Problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Order not found", detail);
            case 402 -> new Problem(HttpStatus.PAYMENT_REQUIRED, ProblemTypes.PAYMENT_DECLINED, "Payment declined",
                    detail);
            case 409 -> new Problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Not allowed now", detail);
            default -> unavailable();
        };
    }

    private static String upstreamDetail(RestClientResponseException e) {
        try {
            ProblemDetail problem = e.getResponseBodyAs(ProblemDetail.class);
            return problem == null ? null : problem.getDetail();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static Problem unavailable() {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Try again",
                "orders are not available right now", Map.of(), java.time.Duration.ofSeconds(1));
    }

    /** An order as order-service answers it; its id is a string (64-bit ids lose digits in JavaScript). */
    record StoredOrder(String orderId, long activityId, long userId, int quantity, BigDecimal amount,
            OrderStatus status, String reason) {
    }

    record StoredPage(List<StoredOrder> content, int page, int size, long totalElements) {
    }
}
