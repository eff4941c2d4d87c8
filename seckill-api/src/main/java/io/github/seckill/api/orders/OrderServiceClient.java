package io.github.seckill.api.orders;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import io.github.seckill.common.order.OrderStatus;

/** Reads orders from order-service, which owns them in MySQL. */
@Component
class OrderServiceClient {

    private final RestClient http;

    OrderServiceClient(RestClient.Builder builder, OrderServiceSettings settings) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.baseUrl(settings.url().toString())
                .requestFactory(requests)
                .defaultHeaders(h -> h.setBasicAuth(settings.username(), settings.password()))
                .build();
    }

    Optional<StoredOrder> find(long orderId) {
        try {
            return Optional.ofNullable(http.get().uri("/internal/api/v1/orders/{id}", orderId).retrieve()
                    .body(StoredOrder.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    record StoredOrder(long orderId, long activityId, long userId, int quantity, BigDecimal amount,
            OrderStatus status, String reason) {
    }
}
