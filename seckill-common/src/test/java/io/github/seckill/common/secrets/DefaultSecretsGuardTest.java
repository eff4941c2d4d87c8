package io.github.seckill.common.secrets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DefaultSecretsGuardTest {

    private final DefaultSecretsGuard guard = new DefaultSecretsGuard();

    private static MockEnvironment withDefaults(String... profiles) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(profiles);
        LocalSecret.ALL.forEach(s -> env.setProperty(s.property(), s.defaultValue()));
        return env;
    }

    @Test
    void localProfilesMayUseEveryDefault() {
        for (String profile : new String[] { "local", "default", "test" }) {
            assertThatCode(() -> guard.postProcessEnvironment(withDefaults(profile), null)).doesNotThrowAnyException();
        }
        assertThatCode(() -> guard.postProcessEnvironment(withDefaults(), null)).doesNotThrowAnyException();
        assertThatCode(() -> guard.postProcessEnvironment(withDefaults("local", "test"), null))
                .doesNotThrowAnyException();
    }

    @Test
    void anyOtherProfileNamesEveryDefaultLeft() {
        MockEnvironment env = withDefaults("local", "prod");
        assertThatIllegalStateException().isThrownBy(() -> guard.postProcessEnvironment(env, null))
                .withMessageContaining("[prod]")
                .withMessageContaining("seckill.internal.password (SECKILL_INTERNAL_PASSWORD)")
                .withMessageContaining("seckill.order-service.password").withMessageContaining("seckill.jwt.secret")
                .withMessageContaining("seckill.ops.password").withMessageContaining("seckill.compensation.password")
                .withMessageContaining("seckill.admin.bootstrap.password");

        LocalSecret.ALL.stream().filter(s -> !s.property().equals("seckill.ops.password"))
                .forEach(s -> env.setProperty(s.property(), "a-real-secret-of-at-least-32-bytes-long!!"));
        assertThatIllegalStateException().isThrownBy(() -> guard.postProcessEnvironment(env, null))
                .withMessageContaining("seckill.ops.password").withMessageNotContaining("seckill.jwt.secret");

        env.setProperty("seckill.ops.password", "a-real-password");
        assertThatCode(() -> guard.postProcessEnvironment(env, null)).doesNotThrowAnyException();
    }

    @Test
    void aServiceWithoutTheSettingIsNotAsked() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        assertThatCode(() -> guard.postProcessEnvironment(env, null)).doesNotThrowAnyException();
    }
}
