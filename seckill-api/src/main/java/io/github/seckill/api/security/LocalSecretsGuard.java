package io.github.seckill.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

import io.github.seckill.api.account.JwtSettings;
import io.github.seckill.api.orders.OrderServiceSettings;

/**
 * Refuses to start with the development JWT secret or internal password under any profile but the local
 * ones: a forgotten setting must stop a deployment, not sign production tokens with a published key.
 * Runs before any bean exists (registered in {@code META-INF/spring.factories}).
 */
class LocalSecretsGuard implements EnvironmentPostProcessor {

    static final Set<String> LOCAL_PROFILES = Set.of("local", "default", "test");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> others = new ArrayList<>(List.of(environment.getActiveProfiles()));
        others.removeAll(LOCAL_PROFILES);
        if (others.isEmpty()) {
            return;
        }
        List<String> defaults = new ArrayList<>();
        if (JwtSettings.DEVELOPMENT_SECRET.equals(environment.getProperty("seckill.jwt.secret",
                JwtSettings.DEVELOPMENT_SECRET))) {
            defaults.add("seckill.jwt.secret (SECKILL_JWT_SECRET)");
        }
        if (OrderServiceSettings.DEVELOPMENT_PASSWORD.equals(environment.getProperty("seckill.order-service.password",
                OrderServiceSettings.DEVELOPMENT_PASSWORD))) {
            defaults.add("seckill.order-service.password (SECKILL_INTERNAL_PASSWORD)");
        }
        if (!defaults.isEmpty()) {
            throw new IllegalStateException("refusing to start with profiles " + others + ": " + String.join(" and ",
                    defaults) + " still have their local development defaults; set real secrets for this"
                    + " environment (only the profiles " + LOCAL_PROFILES + " may use the defaults)");
        }
    }
}
