package io.github.seckill.admin.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.seckill.admin.AdminIntegrationTest;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.redis.ActivityKeys;
import io.github.seckill.common.redis.Reservations;

/** Product, sale, prewarm, a sale in Redis, prewarm again, close: over real HTTP, MySQL and Redis. */
class SaleLifecycleTest extends AdminIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private Reservations reservations;

    @Autowired
    private StringRedisTemplate redis;

    private ActivityKeys keys;

    @AfterEach
    void forgetSale() {
        if (keys != null) {
            redis.delete(List.of(keys.meta(), keys.stock(), keys.buyers(), keys.ledger(), keys.pending()));
        }
    }

    private TestRestTemplate asAdmin() {
        return http.withBasicAuth("admin", "admin");
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return asAdmin().postForEntity("/admin/api/v1" + path, body, JsonNode.class);
    }

    @Test
    void scheduleThenPrewarmKeepsSoldStockThenClose() {
        ResponseEntity<JsonNode> product = post("/products",
                Map.of("name", "Phone X", "description", "128 GB", "price", 199.9));
        assertThat(product.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(product.getBody().get("price").isTextual()).isTrue();
        assertThat(product.getBody().get("price").asText()).isEqualTo("199.90");
        long productId = product.getBody().get("id").asLong();
        assertThat(product.getHeaders().getLocation()).hasPath("/admin/api/v1/products/" + productId);

        Instant start = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(1, ChronoUnit.HOURS);
        ResponseEntity<JsonNode> created = post("/activities", Map.of("productId", productId, "title", "Launch day",
                "price", "9.90", "stock", 100, "limitPerUser", 2,
                "startAt", start.atOffset(ZoneOffset.ofHours(8)).toString(), "endAt", end.toString()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode sale = created.getBody();
        long id = sale.get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasPath("/admin/api/v1/activities/" + id);
        assertThat(sale.get("productId").asLong()).isEqualTo(productId);
        assertThat(sale.get("price").asText()).isEqualTo("9.90");
        assertThat(sale.get("startAt").asText()).isEqualTo(start.toString());
        assertThat(sale.get("endAt").asText()).isEqualTo(end.toString());
        assertThat(sale.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(storedUtc(id)).isEqualTo(start.toString().replace("T", " ").replace("Z", ".000"));
        keys = reservations.keys(new SaleId(id));

        JsonNode prewarmed = post("/activities/" + id + "/prewarm", null).getBody();
        assertThat(prewarmed.get("status").asText()).isEqualTo("PREWARMED");
        assertThat(prewarmed.get("redisRemaining").asLong()).isEqualTo(100);
        assertThat(reservations.remaining(new SaleId(id))).contains(100L);
        Map<Object, Object> meta = redis.opsForHash().entries(keys.meta());
        assertThat(meta).containsEntry("limit", "2").containsEntry("total", "100")
                .containsEntry("startAt", Long.toString(start.toEpochMilli()))
                .containsEntry("endAt", Long.toString(end.toEpochMilli()))
                .containsEntry("price", "9.90").containsEntry("status", "OPEN");

        assertThat(reservations.reserve(new SaleId(id), new OrderId(1L), new UserId(7L), 2,
                "{\"orderId\":1}").remaining()).isEqualTo(98);
        JsonNode again = post("/activities/" + id + "/prewarm", null).getBody();
        assertThat(again.get("redisRemaining").asLong()).isEqualTo(98);
        assertThat(reservations.remaining(new SaleId(id))).contains(98L);

        JsonNode closed = post("/activities/" + id + "/close", null).getBody();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(redis.opsForHash().get(keys.meta(), "status")).isEqualTo("CLOSED");
        assertThat(asAdmin().getForObject("/admin/api/v1/activities/" + id, JsonNode.class).get("status").asText())
                .isEqualTo("CLOSED");

        ResponseEntity<JsonNode> reopen = post("/activities/" + id + "/prewarm", null);
        assertThat(reopen.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reopen.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reopen.getBody().get("type").asText()).isEqualTo(ProblemTypes.CONFLICT.toString());
        assertThat(redis.opsForHash().get(keys.meta(), "status")).isEqualTo("CLOSED");

        JsonNode list = asAdmin().getForObject("/admin/api/v1/activities", JsonNode.class);
        assertThat(list.findValuesAsText("title")).contains("Launch day");
    }

    @Test
    void closingASaleNeverPrewarmedIsAllowedAndRepeatable() {
        long productId = post("/products", Map.of("name", "Mug", "price", "5")).getBody().get("id").asLong();
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        long id = post("/activities", Map.of("productId", productId, "title", "Later", "price", "1.00", "stock", 1,
                "limitPerUser", 1, "startAt", start.toString(), "endAt", start.plusSeconds(60).toString()))
                .getBody().get("id").asLong();

        assertThat(post("/activities/" + id + "/close", null).getBody().get("status").asText()).isEqualTo("CLOSED");
        ResponseEntity<JsonNode> twice = post("/activities/" + id + "/close", null);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(twice.getBody().get("redisRemaining").isNull()).isTrue();
        assertThat(reservations.remaining(new SaleId(id))).isEmpty();
    }

    private String storedUtc(long id) {
        return jdbc.queryForObject("SELECT CAST(start_at AS CHAR) FROM activities WHERE id = ?", String.class, id);
    }
}
