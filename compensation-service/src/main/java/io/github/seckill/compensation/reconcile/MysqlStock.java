package io.github.seckill.compensation.reconcile;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.github.seckill.compensation.ladder.OrderServiceSettings;

/** MySQL's side of a sale's stock, as order-service reports it; empty while no order of the sale reached MySQL. */
@Component
class MysqlStock {

    private final RestClient http;

    MysqlStock(RestClient.Builder builder, OrderServiceSettings settings) {
        this.http = settings.client(builder);
    }

    record Row(long activityId, long total, long remaining, long sold) {
    }

    Optional<Row> of(long activityId) {
        return Optional.ofNullable(http.get().uri("/internal/api/v1/activities/{id}/stock", activityId)
                .exchange((request, response) -> response.getStatusCode() == HttpStatus.NOT_FOUND ? null
                        : response.getStatusCode().is2xxSuccessful() ? response.bodyTo(Row.class)
                        : failed(activityId, response.getStatusCode().value())));
    }

    private static Row failed(long activityId, int status) {
        throw new IllegalStateException("order-service answered " + status + " for the stock of sale " + activityId);
    }
}
