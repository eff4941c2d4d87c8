package io.github.seckill.api.account;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

import io.github.seckill.common.secrets.LocalSecret;

/**
 * Access tokens: HMAC-SHA256 signed JWTs.
 *
 * @param secret   signing key, at least 32 bytes; the default is for local use only
 * @param issuer   {@code iss} written and required
 * @param audience {@code aud} written and required
 * @param ttl      lifetime of an access token
 * @param refreshAudience {@code aud} of refresh tokens: unlike access tokens', so neither passes for the other
 * @param refreshTtl      lifetime of a refresh token (each is good for one refresh)
 */
@ConfigurationProperties("seckill.jwt")
public record JwtSettings(@DefaultValue(JwtSettings.DEVELOPMENT_SECRET) String secret,
        @DefaultValue("seckill") String issuer, @DefaultValue("seckill-api") String audience,
        @DefaultValue("15m") Duration ttl, @DefaultValue("seckill-api-refresh") String refreshAudience,
        @DefaultValue("7d") Duration refreshTtl) {

    public static final String DEVELOPMENT_SECRET = LocalSecret.JWT_SECRET;

    public JwtSettings {
        if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("seckill.jwt.secret must be at least 32 bytes");
        }
    }

    /**
     * Claims as decoded from our tokens. Spring's default reads {@code iss} as a URL when it can; ours is a
     * plain name, so the attempt failed, with an exception and its stack trace, on every request. The issuer
     * validator compares strings either way.
     */
    public static MappedJwtClaimSetConverter claimsWithPlainIssuer() {
        return MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer));
    }
}
