package io.github.seckill.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.springframework.boot.builder.SpringApplicationBuilder;

/** Checks that a service stops before it starts under a non-local profile while its secrets are the defaults. */
public final class DefaultSecrets {

    private DefaultSecrets() {
    }

    public static void assertRefused(Class<?> application, String... properties) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(application).profiles("staging")
                .properties("server.port=0").run()).hasMessageContaining("refusing to start")
                .hasMessageContaining("[staging]").message().contains(properties);
    }
}
