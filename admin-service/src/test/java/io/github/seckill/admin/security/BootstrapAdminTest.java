package io.github.seckill.admin.security;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BootstrapAdminTest {

    @Test
    void blankCredentialsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BootstrapAdmin(" ", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new BootstrapAdmin("admin", ""));
    }
}
