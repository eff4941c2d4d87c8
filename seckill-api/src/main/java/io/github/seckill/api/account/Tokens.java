package io.github.seckill.api.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Issues shoppers' tokens: a short-lived access token (checked by the resource server in {@code security})
 * and a refresh token that differs in audience, so neither is accepted in the other's place.
 */
@Component
class Tokens {

    private final JwtEncoder encoder;
    private final NimbusJwtDecoder refreshTokens;
    private final JwtSettings settings;
    private final Clock clock;

    Tokens(JwtEncoder encoder, JwtSettings settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
        this.refreshTokens = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(
                settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256)
                .build();
        refreshTokens.setClaimSetConverter(JwtSettings.claimsWithPlainIssuer());
        refreshTokens.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(settings.refreshAudience()))));
    }

    TokenPair issue(UserAccount user) {
        Instant now = clock.instant();
        String access = sign(claims(user, now).audience(List.of(settings.audience()))
                .expiresAt(now.plus(settings.ttl())).build());
        String refresh = sign(claims(user, now).audience(List.of(settings.refreshAudience()))
                .id(UUID.randomUUID().toString()).expiresAt(now.plus(settings.refreshTtl())).build());
        return new TokenPair(access, "Bearer", settings.ttl().toSeconds(), refresh, settings.refreshTtl().toSeconds());
    }

    /** A valid refresh token's claims; throws {@link JwtException} for anything else. */
    Jwt readRefresh(String token) {
        return refreshTokens.decode(token);
    }

    private JwtClaimsSet.Builder claims(UserAccount user, Instant now) {
        return JwtClaimsSet.builder().issuer(settings.issuer()).subject(user.id().toString())
                .claim("preferred_username", user.username()).issuedAt(now);
    }

    private String sign(JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken,
            long refreshExpiresIn) {
    }
}
