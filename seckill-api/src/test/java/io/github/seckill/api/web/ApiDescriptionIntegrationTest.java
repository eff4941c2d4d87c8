package io.github.seckill.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.github.seckill.api.ApiTestSupport;

/** The OpenAPI description and Swagger UI are served without a token; framework errors are problems too. */
class ApiDescriptionIntegrationTest extends ApiTestSupport {

    @Test
    void openApiDescribesTheShopperApiWithExamples() {
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);

        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody()).contains("/api/v1/activities/{id}/orders", "/api/v1/orders/{id}/payment",
                "/api/v1/auth/refresh", "/api/v1/time", "Idempotency-Key", "urn:seckill:problem:sold-out",
                "bearer");
    }

    @Test
    void swaggerUiIsServed() {
        ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("Swagger UI");
        assertThat(http.getForEntity("/swagger-ui.html", String.class).getStatusCode().is4xxClientError()).isFalse();
    }

    @Test
    void wrongMethodIsAProblemWithAStableType() {
        ResponseEntity<Map> answer = http.exchange("/api/v1/time", org.springframework.http.HttpMethod.DELETE, null,
                Map.class);
        assertProblem(answer, HttpStatus.UNAUTHORIZED, "unauthorized");
        String token = shopper();
        assertProblem(put(token, "/api/v1/orders/1/payment"), HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
    }

    private ResponseEntity<Map> put(String token, String path) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(headers), Map.class);
    }
}
