package io.github.seckill.stack;

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
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the demo through the public APIs: shoppers demo1..demo3 and one live sale, stock 100, one per
 * shopper. A later start without {@code --fresh} reuses the open demo sale (prewarming it again keeps
 * what was sold).
 */
final class DemoData {

    static final String TITLE = "Demo sale";
    static final String SHOPPER_PASSWORD = "password123";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String adminUrl;
    private final String apiUrl;
    private final String adminAuth = "Basic " + Base64.getEncoder()
            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    DemoData(StackSettings settings) {
        this.adminUrl = StackSettings.url(settings.adminPort()) + "/admin/api/v1";
        this.apiUrl = StackSettings.url(settings.apiPort()) + "/api/v1";
    }

    void registerShoppers() {
        for (int i = 1; i <= 3; i++) {
            post(apiUrl + "/auth/register", null, Map.of("username", "demo" + i, "password", SHOPPER_PASSWORD),
                    Set.of(201, 409));
        }
    }

    /**
     * The id of a demo sale, prewarmed into Redis: an open one when {@code reuse}, else a new one
     * (after {@code --fresh}, whose shoppers have bought nothing in it yet).
     */
    long sale(boolean reuse) {
        Instant now = Instant.now();
        long id = -1;
        for (JsonNode sale : reuse ? get(adminUrl + "/activities") : json.createArrayNode()) {
            if (TITLE.equals(sale.path("title").asText()) && !"CLOSED".equals(sale.path("status").asText())
                    && Instant.parse(sale.path("endAt").asText()).isAfter(now.plus(1, ChronoUnit.HOURS))) {
                id = sale.path("id").asLong();
            }
        }
        if (id < 0) {
            long product = post(adminUrl + "/products", adminAuth, Map.of("name", "Demo phone",
                    "description", "The local stack's demo product", "price", "99.00"), Set.of(201))
                    .path("id").asLong();
            id = post(adminUrl + "/activities", adminAuth, Map.of("productId", product, "title", TITLE,
                    "price", "9.90", "stock", 100, "limitPerUser", 1,
                    "startAt", now.minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString(),
                    "endAt", now.plus(24, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()),
                    Set.of(201)).path("id").asLong();
        }
        post(adminUrl + "/activities/" + id + "/prewarm", adminAuth, null, Set.of(200));
        return id;
    }

    private JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", adminAuth).GET(), Set.of(200));
    }

    private JsonNode post(String url, String auth, Map<String, Object> body, Set<Integer> expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return send(request, expected);
    }

    private JsonNode send(HttpRequest.Builder request, Set<Integer> expected) {
        HttpRequest built = request.timeout(Duration.ofSeconds(15)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (!expected.contains(response.statusCode())) {
                throw new StackFailure("demo data: " + built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new StackFailure("demo data: " + built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("demo data: interrupted", e);
        }
    }
}
