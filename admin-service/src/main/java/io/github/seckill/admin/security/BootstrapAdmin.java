package io.github.seckill.admin.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, created at startup when no account of that name exists.
 *
 * @param username default <code>admin</code>
 * @param password default <code>admin</code>, accepted only under the profiles in {@link #LOCAL_PROFILES}
 */
@ConfigurationProperties("seckill.admin.bootstrap")
record BootstrapAdmin(@DefaultValue("admin") String username, @DefaultValue(DEFAULT_PASSWORD) String password) {

    static final String DEFAULT_PASSWORD = "admin";

    /** Profiles under which the default password is tolerated ("default" is Spring's name for none). */
    static final Set<String> LOCAL_PROFILES = Set.of("local", "default", "test");

    BootstrapAdmin {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("seckill.admin.bootstrap.username must not be blank");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("seckill.admin.bootstrap.password must not be blank");
        }
    }

    /** Refuses the default password when any active profile is not a local one (e.g. <code>prod</code>). */
    void requireSafeFor(Collection<String> activeProfiles) {
        List<String> others = activeProfiles.stream().filter(p -> !LOCAL_PROFILES.contains(p)).toList();
        if (DEFAULT_PASSWORD.equals(password) && !others.isEmpty()) {
            throw new IllegalStateException("Refusing to start: seckill.admin.bootstrap.password is the default '"
                    + DEFAULT_PASSWORD + "' while profile(s) " + others + " are active. Set a real password"
                    + " (SECKILL_ADMIN_BOOTSTRAP_PASSWORD) or run with the local profile.");
        }
    }
}
