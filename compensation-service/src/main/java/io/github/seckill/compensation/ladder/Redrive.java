package io.github.seckill.compensation.ladder;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.seckill.common.messaging.OrderPlaced;

/**
 * Places a failed order again through order-service's own idempotent placement
 * ({@code POST /internal/api/v1/placements}); a connection error or a 5xx throws.
 */
@Component
public class Redrive {

    private final RestClient http;

    Redrive(RestClient.Builder builder, OrderServiceSettings settings) {
        this.http = settings.client(builder);
    }

    record Answer(String orderId, RedriveOutcome outcome) {
    }

    public RedriveOutcome redrive(OrderPlaced order) {
        Answer answer = http.post().uri("/internal/api/v1/placements").contentType(MediaType.APPLICATION_JSON)
                .body(order).retrieve().body(Answer.class);
        if (answer == null || answer.outcome() == null) {
            throw new RestClientException("order-service answered without an outcome for " + order.orderId());
        }
        return answer.outcome();
    }
}
