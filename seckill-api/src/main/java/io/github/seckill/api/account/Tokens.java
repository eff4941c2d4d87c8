package io.github.seckill.api.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues shoppers' access tokens; the resource server in {@code security} checks them. */
@Component
class Tokens {

    private final JwtEncoder encoder;
    private final JwtSettings settings;
    private final Clock clock;

    Tokens(JwtEncoder encoder, JwtSettings settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    AccessToken issue(UserAccount user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .audience(List.of(settings.audience()))
                .subject(user.id().toString())
                .claim("preferred_username", user.username())
                .issuedAt(now)
                .expiresAt(now.plus(settings.ttl()))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new AccessToken(token, "Bearer", settings.ttl().toSeconds());
    }

    record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }
}
