package io.github.seckill.api.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;

/** The catalogue comes from Redis (through a short cache), open without a token. */
class CatalogueIntegrationTest extends ApiTestSupport {

    @Test
    void listsLiveAndUpcomingSalesWithStockStatusAndServerTime() {
        long live = openSale(5, 2);
        long upcoming = openSale(7, 1);
        Instant start = Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        reservations.prewarm(new SaleId(upcoming), "Later", 7, 1, start, start.plusSeconds(600),
                new BigDecimal("19.99"));
        long soldOut = openSale(1, 1);
        reservations.reserve(new SaleId(soldOut), new OrderId(1), new UserId(1), 1, "{}");
        long closed = openSale(3, 1);
        reservations.close(new SaleId(closed));
        Instant before = Instant.now();

        ResponseEntity<Map> answer = http.getForEntity("/api/v1/activities", Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getCacheControl()).contains("max-age=1");
        Instant serverTime = Instant.parse((String) answer.getBody().get("serverTime"));
        assertThat(serverTime).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
        List<Map<String, Object>> sales = (List<Map<String, Object>>) answer.getBody().get("sales");
        assertThat(sale(sales, live)).containsEntry("status", "LIVE").containsEntry("stock", 5)
                .containsEntry("remaining", 5).containsEntry("price", "9.90").containsEntry("limitPerUser", 2)
                .containsEntry("title", "Sale " + live).containsKeys("startAt", "endAt");
        assertThat(sale(sales, upcoming)).containsEntry("status", "UPCOMING").containsEntry("price", "19.99")
                .containsEntry("startAt", start.toString());
        assertThat(sale(sales, soldOut)).containsEntry("status", "SOLD_OUT").containsEntry("remaining", 0);
        assertThat(sale(sales, closed)).containsEntry("status", "CLOSED");
    }

    @Test
    void oneSaleAndUnknownIds() {
        long sale = openSale(5, 2);
        ResponseEntity<Map> one = http.getForEntity("/api/v1/activities/" + sale, Map.class);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(one.getBody()).containsEntry("id", (int) sale).containsEntry("status", "LIVE");

        assertProblem(http.getForEntity("/api/v1/activities/" + (sale + 9_000_000), Map.class),
                HttpStatus.NOT_FOUND, "sale-not-found");
        assertProblem(http.getForEntity("/api/v1/activities/abc", Map.class), HttpStatus.BAD_REQUEST, "validation");
    }

    @Test
    void remainingFollowsRedisWithinTheCacheTime() {
        long sale = openSale(5, 5);
        assertThat(http.getForEntity("/api/v1/activities/" + sale, Map.class).getBody()).containsEntry("remaining", 5);
        reservations.reserve(new SaleId(sale), new OrderId(1), new UserId(1), 2, "{}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.getForEntity("/api/v1/activities/" + sale, Map.class).getBody()).containsEntry("remaining", 3));
    }

    @Test
    void serverTimeIsOpen() {
        ResponseEntity<Map> time = http.getForEntity("/api/v1/time", Map.class);
        assertThat(time.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Instant.parse((String) time.getBody().get("serverTime")))
                .isBetween(Instant.now().minusSeconds(10), Instant.now().plusSeconds(10));
    }

    private static Map<String, Object> sale(List<Map<String, Object>> sales, long id) {
        return sales.stream().filter(s -> ((Number) s.get("id")).longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError("sale " + id + " not listed in " + sales));
    }
}
