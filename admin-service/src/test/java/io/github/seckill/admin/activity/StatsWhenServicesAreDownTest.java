package io.github.seckill.admin.activity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;

import io.github.seckill.admin.AdminIntegrationTest;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.redis.ActivityKeys;
import io.github.seckill.common.redis.Reservations;

/**
 * With order-service and compensation-service down, the Redis figures still come, the others are
 * reported unavailable, and no page or call fails with a 500.
 */
class StatsWhenServicesAreDownTest extends AdminIntegrationTest {

    @Autowired
    private Reservations reservations;

    @Autowired
    private StringRedisTemplate redis;

    @Test
    void statsComeFromRedisAndNameWhatIsUnavailable() throws Exception {
        long product = newProduct("Stats");
        Instant start = Instant.now().minus(1, ChronoUnit.MINUTES);
        String body = mvc.perform(post("/admin/api/v1/activities").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"productId":%d,"title":"Live","price":"1.00","stock":50,"limitPerUser":5,
                         "startAt":"%s","endAt":"%s"}""".formatted(product, start, start.plusSeconds(3600))))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        ActivityKeys keys = reservations.keys(new SaleId(id));
        try {
            mvc.perform(post("/admin/api/v1/activities/" + id + "/prewarm").with(admin())).andExpect(status().isOk());
            reservations.reserve(new SaleId(id), new OrderId(901L), new UserId(7L), 3, "{\"orderId\":\"901\"}");

            mvc.perform(get("/admin/api/v1/activities/" + id + "/stats").with(user("v").roles("VIEWER")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.stock").value(50))
                    .andExpect(jsonPath("$.redisRemaining").value(47))
                    .andExpect(jsonPath("$.liveReservations").value(1))
                    .andExpect(jsonPath("$.mysqlRemaining").doesNotExist())
                    .andExpect(jsonPath("$.orders").isEmpty())
                    .andExpect(jsonPath("$.unavailable[0]").value("order-service unavailable"));

            mvc.perform(get("/").with(user("v").roles("VIEWER"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("Live")))
                    .andExpect(content().string(containsString("order-service unavailable")));
            mvc.perform(get("/dashboard/figures").with(user("v").roles("VIEWER"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.dlqBacklog").doesNotExist())
                    .andExpect(jsonPath("$.unavailable").value(org.hamcrest.Matchers.hasItem(
                            "compensation-service unavailable")));
            mvc.perform(get("/sales/" + id).with(user("v").roles("VIEWER"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString(keys.meta())));
        } finally {
            redis.delete(List.of(keys.meta(), keys.stock(), keys.buyers(), keys.ledger(), keys.pending()));
        }
    }

    @Test
    void pagesOfOtherServicesSayUnavailable() throws Exception {
        for (String page : List.of("/orders", "/orders/5", "/failed-orders", "/failed-orders/3",
                "/failed-orders/policy", "/stuck")) {
            mvc.perform(get(page).with(user("v").roles("VIEWER"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("unavailable")));
        }
        mvc.perform(get("/admin/api/v1/orders").param("activityId", "1").with(admin()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value(ProblemTypes.UNAVAILABLE.toString()));
        mvc.perform(get("/admin/api/v1/orders").param("status", "LOST").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/admin/api/v1/activities/999999/stats").with(admin())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(ProblemTypes.SALE_NOT_FOUND.toString()));
    }
}
