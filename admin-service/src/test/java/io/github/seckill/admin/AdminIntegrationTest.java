package io.github.seckill.admin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.testsupport.TestServers;

/**
 * The whole service on a random port against the real MySQL-compatible server and Redis of this test
 * run (its own database and key prefix), with the Prometheus registry on as in production. Subclasses
 * share one application context. order-service and compensation-service are down (see
 * src/test/resources/config/application.properties) unless a test points them elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
public abstract class AdminIntegrationTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.registerDatabase(registry, "seckill_admin");
        TestServers.registerRedis(registry);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected ObjectMapper json;

    /** The bootstrap admin's credentials (defaults admin/admin). */
    protected static RequestPostProcessor admin() {
        return httpBasic("admin", "admin");
    }

    protected long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** Creates a product through the API and returns its id. */
    protected long newProduct(String name) throws Exception {
        String body = mvc.perform(post("/admin/api/v1/products").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"description\":\"test\",\"price\":\"19.90\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }
}
