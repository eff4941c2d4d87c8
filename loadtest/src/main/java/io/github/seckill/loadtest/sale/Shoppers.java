package io.github.seckill.loadtest.sale;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

/** The crowd before the sale: a token per shopper, then one feeder record per buyer. */
final class Shoppers {

    private Shoppers() {
    }

    /** Signs up the plan's shoppers through the API ({@link ShoppersSimulation}) or signs their tokens here. */
    static void prepare(Plan plan, String run, GatlingRunner gatling) {
        SaleShape shape = plan.shape;
        if (shape.tokens() == TokenSource.API) {
            for (int i = 0; i < shape.shoppers(); i++) {
                plan.signUps.add(run + "-" + i);
            }
            gatling.run(ShoppersSimulation.class, "shoppers of " + run, false);
        } else {
            plan.tokens.addAll(signed(plan.platform, shape.shoppers(), shape.arrival().plusHours(1)));
        }
        if (plan.tokens.size() != shape.shoppers()) {
            throw new IllegalStateException("only " + plan.tokens.size() + " of " + shape.shoppers()
                    + " shoppers could log in; see the Gatling output above");
        }
        plan.buyers = buyers(shape, new ArrayList<>(plan.tokens));
    }

    /**
     * Tokens as seckill-api issues them (HS256, its issuer and audience) for shopper ids of this run
     * only, far above real accounts' ids: the platform never looks the shopper up to take an order.
     */
    private static List<String> signed(Platform platform, int count, Duration ttl) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(
                platform.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        Instant now = Instant.now();
        long base = now.toEpochMilli() * 1000;
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JwtClaimsSet claims = JwtClaimsSet.builder().issuer(platform.jwtIssuer())
                    .audience(List.of(platform.jwtAudience())).subject(Long.toString(base + i))
                    .claim("preferred_username", "load-" + (base + i)).issuedAt(now).expiresAt(now.plus(ttl)).build();
            tokens.add(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue());
        }
        return tokens;
    }

    /** Buyers take the shoppers' tokens in turn; a fixed seed makes runs comparable. */
    static List<Map<String, Object>> buyers(SaleShape shape, List<String> tokens) {
        Random random = new Random(42);
        List<Map<String, Object>> buyers = new ArrayList<>(shape.buyers());
        int repeaters = 0;
        for (int i = 0; i < shape.buyers(); i++) {
            Map<String, Object> buyer = new HashMap<>();
            buyer.put("token", tokens.get(i % tokens.size()));
            boolean repeats = random.nextDouble() < shape.repeatShare();
            buyer.put("clicks", repeats ? shape.repeatClicks() : 1);
            if (repeats && repeaters++ % 2 == 0) {
                buyer.put("key", UUID.randomUUID().toString());
            }
            buyers.add(buyer);
        }
        return buyers;
    }
}
