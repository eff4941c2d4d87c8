package io.github.seckill.loadtest.sale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sale's setup through admin-service's REST API (docs/design.md §8), as an admin would do it. */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Platform platform;

    AdminApi(Platform platform) {
        this.platform = platform;
    }

    /** Creates a product and a sale open from a minute ago for {@code open}, then prewarms it into Redis. */
    long openSale(String title, int stock, int limitPerUser, Duration open) {
        JsonNode product = post("/admin/api/v1/products", Map.of("name", title, "description",
                "load test product", "price", "99.00"), 201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode sale = post("/admin/api/v1/activities", Map.of("productId", product.get("id").asLong(),
                "title", title, "price", "9.90", "stock", stock, "limitPerUser", limitPerUser,
                "startAt", now.minusSeconds(60).toString(), "endAt", now.plus(open).toString()), 201);
        long id = sale.get("id").asLong();
        post("/admin/api/v1/activities/" + id + "/prewarm", null, 200);
        return id;
    }

    private JsonNode post(String path, Object body, int expected) {
        String auth = Base64.getEncoder().encodeToString(
                (platform.adminUser() + ":" + platform.adminPassword()).getBytes(StandardCharsets.UTF_8));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(platform.admin() + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("admin-service at " + platform.admin() + " did not answer POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
