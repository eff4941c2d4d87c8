package io.github.seckill.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.seckill.admin.AdminIntegrationTest;

/**
 * Failed-order actions carried out by compensation-service (here {@link UpstreamStub}) are audited in
 * admin-service with who, what and the archive or policy before and after.
 */
class FailedOrderAuditTest extends AdminIntegrationTest {

    private static final UpstreamStub upstream = new UpstreamStub();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("seckill.order-service.url", upstream::url);
        registry.add("seckill.compensation.url", upstream::url);
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    private List<Map<String, Object>> entries(String action, String actor) {
        return jdbc.queryForList("SELECT * FROM audit_log WHERE action = ? AND actor = ? ORDER BY id", action, actor);
    }

    @Test
    void retryResolveAndPolicyChangeAreAudited() throws Exception {
        var operator = user("op-audit").roles("OPERATOR");
        mvc.perform(post("/failed-orders/11/retry").with(operator).with(csrf()))
                .andExpect(redirectedUrl("/failed-orders/11"));
        mvc.perform(post("/failed-orders/retries").param("ids", "11").with(operator).with(csrf()))
                .andExpect(redirectedUrl("/failed-orders"));
        mvc.perform(post("/failed-orders/11/resolution").param("comment", "paid by hand").with(operator)
                .with(csrf())).andExpect(redirectedUrl("/failed-orders/11"));
        mvc.perform(post("/failed-orders/policy").param("delays", "PT5S, PT1M").with(user("admin-audit")
                .roles("ADMIN")).with(csrf())).andExpect(redirectedUrl("/failed-orders/policy"));

        assertThat(entries("failed-order.retry", "op-audit")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("target_type", "archive").containsEntry("target_id", "11");
            assertThat(json.readTree((String) e.get("after_json")).get("result").asText()).isEqualTo("SUCCEEDED");
        });
        assertThat(entries("failed-order.retry-batch", "op-audit")).hasSize(1);
        assertThat(entries("failed-order.resolve", "op-audit")).singleElement().satisfies(e -> {
            assertThat(json.readTree((String) e.get("before_json")).get("status").asText()).isEqualTo("OPEN");
            assertThat(json.readTree((String) e.get("after_json")).get("status").asText()).isEqualTo("RESOLVED");
        });
        assertThat(entries("retry-policy.update", "admin-audit")).singleElement().satisfies(e -> {
            assertThat(json.readTree((String) e.get("before_json")).get("delays").get(0).asText()).isEqualTo("PT10S");
            assertThat(json.readTree((String) e.get("after_json")).get("delays").get(0).asText()).isEqualTo("PT5S");
        });
    }

    @Test
    void aViewerCanNeitherRetryNorResolve() throws Exception {
        var viewer = user("viewer-audit").roles("VIEWER");
        mvc.perform(post("/failed-orders/11/retry").with(viewer).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(entries("failed-order.retry", "viewer-audit")).isEmpty();
    }
}
