package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** What the end-to-end tests set up through the real APIs: a prewarmed sale, a shopper's access token. */
final class BackOffice {

    private static final String ADMIN = Http.basic("admin", "admin");

    private final Http http;
    private final URI admin;
    private final URI api;

    BackOffice(Http http, URI admin, URI api) {
        this.http = http;
        this.admin = admin;
        this.api = api;
    }

    /** A product and a sale of it open for the next hour, prewarmed into Redis; its id. */
    long saleOf(int stock, int limit) {
        Http.Response product = http.post(admin.resolve("/admin/api/v1/products"), ADMIN,
                Map.of("name", "Phone", "description", "flash-sale phone", "price", "99.00"));
        assertThat(product.status()).as("product: %s", product.body()).isEqualTo(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Http.Response activity = http.post(admin.resolve("/admin/api/v1/activities"), ADMIN, Map.of(
                "productId", product.body().get("id"), "title", "Phone flash sale", "price", "9.90",
                "stock", stock, "limitPerUser", limit,
                "startAt", now.minusSeconds(60).toString(), "endAt", now.plus(Duration.ofHours(1)).toString()));
        assertThat(activity.status()).as("activity: %s", activity.body()).isEqualTo(201);
        long sale = ((Number) activity.body().get("id")).longValue();
        Http.Response prewarm = http.post(admin.resolve("/admin/api/v1/activities/" + sale + "/prewarm"), ADMIN,
                null);
        assertThat(prewarm.status()).as("prewarm: %s", prewarm.body()).isEqualTo(200);
        return sale;
    }

    /** Registers a shopper named after {@code name} and logs it in; its access token. */
    String shopper(String name) {
        Map<String, String> credentials = Map.of("username", name + "-" + System.nanoTime(), "password",
                "password123");
        assertThat(http.post(api.resolve("/api/v1/auth/register"), null, credentials).status()).isEqualTo(201);
        Http.Response login = http.post(api.resolve("/api/v1/auth/login"), null, credentials);
        assertThat(login.status()).isEqualTo(200);
        return (String) login.body().get("accessToken");
    }
}
