package io.github.seckill.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.api.account.JwtSettings;

/** Only our own, unexpired access tokens for this audience and issuer open the API. */
class JwtIntegrationTest extends ApiTestSupport {

    private static final String ORDERS = "/api/v1/orders/1";

    private static String token(String secret, UnaryOperator<JwtClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer("seckill").audience(List.of("seckill-api"))
                .subject("1").issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(15)));
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
                new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                change.apply(claims).build())).getTokenValue();
    }

    private static String token(UnaryOperator<JwtClaimsSet.Builder> change) {
        return token(JwtSettings.DEVELOPMENT_SECRET, change);
    }

    private void assertUnauthorized(String token) {
        ResponseEntity<Map> answer = get(token, ORDERS);
        assertProblem(answer, HttpStatus.UNAUTHORIZED, "unauthorized");
        assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aWellFormedTokenPasses() {
        assertProblem(get(token(c -> c), ORDERS), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void badSignature() {
        assertUnauthorized(token("another-secret-of-at-least-32-bytes-0123456789", c -> c));
        String real = token(c -> c);
        assertUnauthorized(real.substring(0, real.lastIndexOf('.') + 1) + "AAAA" + real.substring(real.lastIndexOf('.') + 5));
    }

    @Test
    void wrongAudience() {
        assertUnauthorized(token(c -> c.audience(List.of("admin-service"))));
        assertUnauthorized(token(c -> c.audience(List.of("seckill-api-refresh"))));
    }

    @Test
    void wrongIssuer() {
        assertUnauthorized(token(c -> c.issuer("someone-else")));
    }

    @Test
    void expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        assertUnauthorized(token(c -> c.issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(15)))));
    }

    @Test
    void unsignedOrGarbage() {
        assertUnauthorized("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIiwiaXNzIjoic2Vja2lsbCIsImF1ZCI6InNlY2tpbGwtYXBpIn0.");
        assertUnauthorized("not.a.jwt");
    }
}
