package io.github.seckill.admin.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class BootstrapAdminTest {

    private final DefaultPasswordGuard guard = new DefaultPasswordGuard();

    private static MockEnvironment environment(String... profiles) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(profiles);
        return env;
    }

    @Test
    void defaultPasswordIsRefusedUnderAProductionProfile() {
        assertThatIllegalStateException()
                .isThrownBy(() -> guard.postProcessEnvironment(environment("prod"), new SpringApplication()))
                .withMessageContaining("seckill.admin.bootstrap.password").withMessageContaining("[prod]");
        assertThatIllegalStateException()
                .isThrownBy(() -> new BootstrapAdmin("admin", "admin").requireSafeFor(List.of("local", "prod")));
    }

    @Test
    void defaultPasswordIsAcceptedLocally() {
        assertThatCode(() -> guard.postProcessEnvironment(environment(), new SpringApplication()))
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.postProcessEnvironment(environment("local", "test", "default"),
                new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void aRealPasswordIsAcceptedAnywhere() {
        MockEnvironment env = environment("prod").withProperty("seckill.admin.bootstrap.password", "s3cret-Pass");
        assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void blankCredentialsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BootstrapAdmin(" ", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new BootstrapAdmin("admin", ""));
    }
}
