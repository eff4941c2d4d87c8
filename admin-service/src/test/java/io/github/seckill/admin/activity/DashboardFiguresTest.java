package io.github.seckill.admin.activity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.seckill.admin.AdminIntegrationTest;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.redis.ActivityKeys;
import io.github.seckill.common.redis.Reservations;

/**
 * A sale with 3 created orders (MySQL, as order-service answers) and 1 failed one (released in Redis,
 * never in MySQL): the sale's figures and the dashboard count the failed order, success rate 3/4.
 */
class DashboardFiguresTest extends AdminIntegrationTest {

    private static final HttpServer orderService = orderService();
    private static volatile long sale;

    @Autowired
    private Reservations reservations;

    @Autowired
    private StringRedisTemplate redis;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("seckill.order-service.url", () -> "http://127.0.0.1:" + orderService.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        orderService.stop(0);
    }

    /**
     * order-service's stock endpoint: the test's sale has 3 orders CREATED (and FAILED 0, as a version
     * that still reported MySQL's FAILED answered); any other sale has no order in MySQL (404).
     */
    private static HttpServer orderService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/api/v1/activities/", DashboardFiguresTest::stock);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stock(HttpExchange exchange) throws IOException {
        boolean ours = exchange.getRequestURI().getPath().equals("/internal/api/v1/activities/" + sale + "/stock");
        byte[] body = (ours ? """
                {"activityId":%d,"total":10,"remaining":7,"sold":3,
                 "orders":{"CREATED":3,"PAID":0,"CANCELLED":0,"FAILED":0}}""".formatted(sale) : "{\"status\":404}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(ours ? 200 : 404, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void theSuccessRateCountsTheFailedOrdersKeptInRedis() throws Exception {
        long product = newProduct("Dashboard");
        Instant start = Instant.now().minus(1, ChronoUnit.MINUTES);
        String created = mvc.perform(post("/admin/api/v1/activities").with(admin())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"productId":%d,"title":"Counted","price":"1.00","stock":10,"limitPerUser":1,
                         "startAt":"%s","endAt":"%s"}""".formatted(product, start, start.plusSeconds(3600))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        sale = json.readTree(created).get("id").asLong();
        // the dashboard sums every live sale of this database: this one is the only one with orders
        jdbc.update("UPDATE activities SET status = 'CLOSED' WHERE id <> ?", sale);
        ActivityKeys keys = reservations.keys(new SaleId(sale));
        try {
            mvc.perform(post("/admin/api/v1/activities/" + sale + "/prewarm").with(admin())).andExpect(status().isOk());
            for (long user = 1; user <= 4; user++) {
                reservations.reserve(new SaleId(sale), new OrderId(sale * 100 + user), new UserId(user), 1, "{}");
            }
            for (long user = 1; user <= 3; user++) {
                reservations.tryHold(new SaleId(sale), new OrderId(sale * 100 + user), "xid-" + sale);
            }
            reservations.confirm(new SaleId(sale), List.of(sale * 100 + 1, sale * 100 + 2, sale * 100 + 3),
                    "xid-" + sale);
            reservations.release(new SaleId(sale), new OrderId(sale * 100 + 4), "no stock left in MySQL");
            reservations.release(new SaleId(sale), new OrderId(sale * 100 + 4),
                    "no stock left in MySQL"); // a repeat counts nothing

            mvc.perform(get("/admin/api/v1/activities/" + sale + "/stats").with(user("v").roles("VIEWER")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.orders.CREATED").value(3))
                    .andExpect(jsonPath("$.orders.FAILED").value(1))
                    .andExpect(jsonPath("$.redisRemaining").value(7))
                    .andExpect(jsonPath("$.unavailable").isEmpty());
            mvc.perform(get("/dashboard/figures").with(user("v").roles("VIEWER"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.successRate").value(0.75))
                    .andExpect(jsonPath("$.sales.length()").value(1))
                    .andExpect(jsonPath("$.sales[0].activityId").value(sale))
                    .andExpect(jsonPath("$.sales[0].orders.FAILED").value(1))
                    .andExpect(jsonPath("$.sales[0].orders.CREATED").value(3));
            mvc.perform(get("/").with(user("v").roles("VIEWER"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("75.0 %")))
                    .andExpect(content().string(containsString("FAILED=1")));
        } finally {
            redis.delete(List.of(keys.meta(), keys.stock(), keys.buyers(), keys.ledger(), keys.pending(),
                    keys.failed()));
        }
    }
}
