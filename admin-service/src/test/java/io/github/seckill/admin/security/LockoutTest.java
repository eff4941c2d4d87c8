package io.github.seckill.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.seckill.admin.AdminIntegrationTest;

/** Five wrong passwords lock an account for 15 minutes, in MySQL, for form login and HTTP Basic alike. */
class LockoutTest extends AdminIntegrationTest {

    @Autowired
    private AdminUsers users;

    @Autowired
    private PasswordEncoder encoder;

    private String name;

    @BeforeEach
    void account() {
        name = "lock-" + System.nanoTime();
        users.save(new AdminUser(name, encoder.encode("right-password"), Set.of(AdminRole.OPERATOR)));
    }

    private Timestamp lockedUntil() {
        return jdbc.queryForObject("SELECT locked_until FROM admin_users WHERE username = ?", Timestamp.class, name);
    }

    @Test
    void fiveFailuresLockEvenTheRightPasswordUntilUnlocked() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/admin/api/v1/products").with(httpBasic(name, "wrong"))).andExpect(status().isUnauthorized());
        }
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM admin_users WHERE username = ?", Integer.class,
                name)).isEqualTo(4);
        assertThat(lockedUntil()).isNull();
        mvc.perform(formLogin("/login").user(name).password("wrong")).andExpect(redirectedUrl("/login?error"));

        Instant until = lockedUntil().toInstant();
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        mvc.perform(get("/admin/api/v1/products").with(httpBasic(name, "right-password")))
                .andExpect(status().isUnauthorized());
        mvc.perform(formLogin("/login").user(name).password("right-password")).andExpect(redirectedUrl("/login?locked"));

        long id = jdbc.queryForObject("SELECT id FROM admin_users WHERE username = ?", Long.class, name);
        mvc.perform(post("/users/" + id + "/unlock").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/users"));
        assertThat(lockedUntil()).isNull();
        mvc.perform(formLogin("/login").user(name).password("right-password")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aSuccessfulLoginClearsTheCount() throws Exception {
        mvc.perform(get("/admin/api/v1/products").with(httpBasic(name, "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/admin/api/v1/products").with(httpBasic(name, "right-password"))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM admin_users WHERE username = ?", Integer.class,
                name)).isZero();
    }
}
