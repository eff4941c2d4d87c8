package io.github.seckill.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.github.seckill.admin.AdminIntegrationTest;
import io.github.seckill.common.problem.ProblemTypes;

class ApiSecurityTest extends AdminIntegrationTest {

    private static final String PRODUCT = "{\"name\":\"Secured\",\"price\":\"1.00\"}";

    @Autowired
    private AdminUsers users;

    @Autowired
    private PasswordEncoder encoder;

    private static MockHttpServletRequestBuilder newProduct() {
        return post("/admin/api/v1/products").contentType(MediaType.APPLICATION_JSON).content(PRODUCT);
    }

    @Test
    void withoutCredentialsIsUnauthorizedProblem() throws Exception {
        mvc.perform(get("/admin/api/v1/activities"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"seckill-admin\""))
                .andExpect(jsonPath("$.type").value(ProblemTypes.UNAUTHORIZED.toString()))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void wrongPasswordOrUnknownUserIsUnauthorized() throws Exception {
        long before = rows("products");
        for (String[] credentials : new String[][] {{"admin", "wrong"}, {"nobody", "admin"}}) {
            mvc.perform(newProduct().with(httpBasic(credentials[0], credentials[1])))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(ProblemTypes.UNAUTHORIZED.toString()))
                    .andExpect(jsonPath("$.detail").value("the credentials were not accepted"));
        }
        assertThat(rows("products")).isEqualTo(before);
    }

    @Test
    void basicCallsNeedNoCsrfTokenAndOpenNoSession() throws Exception {
        MvcResult result = mvc.perform(newProduct().with(admin())).andExpect(status().isCreated()).andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void sessionCallsNeedACsrfToken() throws Exception {
        mvc.perform(newProduct().with(user("admin").roles("ADMIN")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.FORBIDDEN.toString()))
                .andExpect(jsonPath("$.detail").value("missing or invalid CSRF token"));
        mvc.perform(newProduct().with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isCreated());
    }

    @Test
    void aViewerMayReadButNotWrite() throws Exception {
        mvc.perform(get("/admin/api/v1/products").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk());
        mvc.perform(newProduct().with(user("viewer").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.FORBIDDEN.toString()));
    }

    @Test
    void healthMetricsAndLoginPageAreOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void seedingIsIdempotentAndKeepsThePassword() throws Exception {
        AdminSeeder again = new AdminSeeder(users, encoder, new BootstrapAdmin("admin", "another-password"));
        assertThat(again.seed()).isFalse();
        assertThat(users.findByUsername("admin")).hasValueSatisfying(u -> {
            assertThat(u.passwordHash()).startsWith("$2a$");
            assertThat(u.roles()).containsExactly(AdminRole.ADMIN);
        });
        mvc.perform(get("/admin/api/v1/products").with(admin())).andExpect(status().isOk());
    }
}
