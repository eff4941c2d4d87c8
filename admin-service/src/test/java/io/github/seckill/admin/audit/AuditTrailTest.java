package io.github.seckill.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.seckill.admin.AdminIntegrationTest;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.ActivityKeys;
import io.github.seckill.common.redis.Reservations;

/** Each admin action leaves one audit entry with who, what, and the target before and after. */
class AuditTrailTest extends AdminIntegrationTest {

    @Autowired
    private Reservations reservations;

    @Autowired
    private StringRedisTemplate redis;

    private Map<String, Object> last(String action, Object targetId) {
        return jdbc.queryForMap("SELECT * FROM audit_log WHERE action = ? AND target_id = ? ORDER BY id DESC LIMIT 1",
                action, targetId.toString());
    }

    @Test
    void productAndSaleActionsAreAuditedWithBeforeAndAfter() throws Exception {
        long product = newProduct("Audited");
        assertThat(last("product.create", product)).containsEntry("actor", "admin").containsEntry("before_json", null);
        mvc.perform(put("/admin/api/v1/products/" + product).with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Audited 2\",\"price\":\"5.00\"}")).andExpect(status().isOk());
        Map<String, Object> update = last("product.update", product);
        assertThat(json.readTree((String) update.get("before_json")).get("name").asText()).isEqualTo("Audited");
        assertThat(json.readTree((String) update.get("after_json")).get("price").asText()).isEqualTo("5.00");

        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String sale = """
                {"productId":%d,"title":"T","price":"1.00","stock":10,"limitPerUser":1,"startAt":"%s","endAt":"%s"}"""
                .formatted(product, start, start.plusSeconds(3600));
        JsonNode created = json.readTree(mvc.perform(post("/admin/api/v1/activities").with(admin())
                .contentType(MediaType.APPLICATION_JSON).content(sale)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        long id = created.get("id").asLong();
        ActivityKeys keys = reservations.keys(new SaleId(id));
        try {
            mvc.perform(put("/admin/api/v1/activities/" + id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                    .content(sale.replace("\"stock\":10", "\"stock\":20"))).andExpect(status().isOk());
            mvc.perform(post("/admin/api/v1/activities/" + id + "/prewarm").with(admin())).andExpect(status().isOk());
            // the terms are fixed once Redis holds the sale
            mvc.perform(put("/admin/api/v1/activities/" + id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                    .content(sale)).andExpect(status().isConflict());
            mvc.perform(post("/admin/api/v1/activities/" + id + "/close").with(admin())).andExpect(status().isOk());
        } finally {
            redis.delete(List.of(keys.meta(), keys.stock(), keys.buyers(), keys.ledger(), keys.pending()));
        }
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'sale' AND target_id = ?"
                + " ORDER BY id", String.class, Long.toString(id)))
                .containsExactly("sale.create", "sale.update", "sale.prewarm", "sale.close");
        Map<String, Object> resized = last("sale.update", id);
        assertThat(json.readTree((String) resized.get("before_json")).get("stock").asInt()).isEqualTo(10);
        assertThat(json.readTree((String) resized.get("after_json")).get("stock").asInt()).isEqualTo(20);
        Map<String, Object> closed = last("sale.close", id);
        assertThat(json.readTree((String) closed.get("before_json")).get("status").asText()).isEqualTo("PREWARMED");
        assertThat(json.readTree((String) closed.get("after_json")).get("status").asText()).isEqualTo("CLOSED");

        mvc.perform(post("/admin/api/v1/products/" + product + "/archive").with(admin())).andExpect(status().isOk());
        assertThat(last("product.archive", product).get("after_json").toString()).contains("\"archivedAt\":\"");
        mvc.perform(get("/audit").param("targetType", "sale").param("targetId", Long.toString(id))
                .with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("sale.prewarm")));
    }

    @Test
    void accountChangesAreAuditedWithoutPasswords() throws Exception {
        mvc.perform(post("/users").with(user("admin").roles("ADMIN")).with(csrf()).param("username", "auditee")
                .param("password", "secret-pass-1").param("roles", "OPERATOR").param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("SELECT id FROM admin_users WHERE username = 'auditee'", Long.class);
        mvc.perform(post("/users/" + id).with(user("admin").roles("ADMIN")).with(csrf()).param("roles", "VIEWER")
                .param("password", "another-pass-2").param("_enabled", "on")).andExpect(status().is3xxRedirection());
        Map<String, Object> created = last("account.create", id);
        Map<String, Object> updated = last("account.update+password", id);
        assertThat(created.get("after_json").toString()).contains("\"OPERATOR\"").doesNotContain("secret", "$2a$");
        assertThat(updated.get("before_json").toString()).contains("\"OPERATOR\"");
        assertThat(updated.get("after_json").toString()).contains("\"VIEWER\"").doesNotContain("another", "$2a$");
        assertThat(jdbc.queryForObject("SELECT enabled FROM admin_users WHERE id = ?", Boolean.class, id)).isFalse();
    }
}
