package io.github.seckill.api.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import io.github.seckill.api.SeckillApiApplication;

class LocalSecretsGuardTest {

    private final LocalSecretsGuard guard = new LocalSecretsGuard();

    @Test
    void localProfilesMayUseTheDevelopmentDefaults() {
        for (String profile : new String[] { "local", "default", "test" }) {
            MockEnvironment env = new MockEnvironment();
            env.setActiveProfiles(profile);
            assertThatCode(() -> guard.postProcessEnvironment(env, null)).doesNotThrowAnyException();
        }
        assertThatCode(() -> guard.postProcessEnvironment(new MockEnvironment(), null)).doesNotThrowAnyException();
    }

    @Test
    void anyOtherProfileNeedsRealSecrets() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("local", "prod");
        assertThatThrownBy(() -> guard.postProcessEnvironment(env, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[prod]").hasMessageContaining("seckill.jwt.secret")
                .hasMessageContaining("seckill.order-service.password");

        env.setProperty("seckill.jwt.secret", "a-real-secret-of-at-least-32-bytes-long!!");
        assertThatThrownBy(() -> guard.postProcessEnvironment(env, null))
                .hasMessageNotContaining("seckill.jwt.secret").hasMessageContaining("seckill.order-service.password");

        env.setProperty("seckill.order-service.password", "a-real-password");
        assertThatCode(() -> guard.postProcessEnvironment(env, null)).doesNotThrowAnyException();
    }

    @Test
    void theApplicationStopsBeforeItStarts() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SeckillApiApplication.class).profiles("staging")
                .properties("server.port=0").run()).hasMessageContaining("refusing to start");
    }
}
