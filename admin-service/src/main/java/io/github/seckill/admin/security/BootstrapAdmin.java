package io.github.seckill.admin.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, created at startup when no account of that name exists.
 *
 * @param username default <code>admin</code>
 * @param password default <code>admin</code>, accepted only under the local profiles (seckill-common's
 *                 {@code DefaultSecretsGuard})
 */
@ConfigurationProperties("seckill.admin.bootstrap")
record BootstrapAdmin(@DefaultValue("admin") String username, @DefaultValue("admin") String password) {

    BootstrapAdmin {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("seckill.admin.bootstrap.username must not be blank");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("seckill.admin.bootstrap.password must not be blank");
        }
    }
}
