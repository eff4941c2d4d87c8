package io.github.seckill.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shoppers' passwords, kept as BCrypt hashes.
 *
 * @param strength BCrypt's log2 rounds, 4 to 31. 10 (the default) costs about 0.1 s of one core per sign-up and
 *                 per sign-in on the reference machine; a test that signs in hundreds of shoppers lowers it. A hash
 *                 keeps the strength it was made with, so a change applies to new passwords and old ones still
 *                 verify.
 */
@ConfigurationProperties("seckill.passwords")
public record PasswordSettings(@DefaultValue("10") int strength) {

    public PasswordSettings {
        if (strength < 4 || strength > 31) {
            throw new IllegalArgumentException("seckill.passwords.strength must be 4 to 31, not " + strength);
        }
    }
}
