package io.github.seckill.api.purchase;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.api.web.Problem;
import io.github.seckill.common.order.OrderStatus;

/**
 * A purchase's HTTP answer as written once and replayed byte for byte for its Idempotency-Key.
 *
 * @param location   the Location header, or null
 * @param retryAfter the Retry-After header, or null
 */
record Answer(int status, String contentType, String body, String location, String retryAfter) {

    static Answer accepted(ObjectMapper json, long orderId) {
        String id = Long.toString(orderId);
        return new Answer(202, MediaType.APPLICATION_JSON_VALUE,
                write(json, new PurchaseAccepted(id, OrderStatus.PENDING)), "/api/v1/orders/" + id, null);
    }

    static Answer refused(ObjectMapper json, Problem problem, String path) {
        ProblemDetail body = problem.getBody();
        if (body.getInstance() == null) {
            body.setInstance(URI.create(path));
        }
        return new Answer(problem.getStatusCode().value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                write(json, body), null, problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }

    /** Worth keeping for replays: anything but a refusal that may pass on retry (429, 5xx). */
    boolean settled() {
        return status < 500 && status != 429;
    }

    ResponseEntity<String> response(boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(contentType));
        if (location != null) {
            answer.location(URI.create(location));
        }
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        if (replayed) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(body);
    }

    private static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
