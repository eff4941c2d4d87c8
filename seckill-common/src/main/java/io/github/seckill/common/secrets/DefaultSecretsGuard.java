package io.github.seckill.common.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start any service with a published local default for a secret under a profile that is not
 * a local one: a forgotten setting must stop a deployment, not sign tokens with a published key or open
 * an account with a published password. Runs before any bean exists; registered for every service in
 * seckill-common's {@code META-INF/spring.factories}. A service that has no such setting is not asked.
 */
public class DefaultSecretsGuard implements EnvironmentPostProcessor {

    /** Profiles under which the defaults are tolerated ("default" is Spring's name for none). */
    public static final Set<String> LOCAL_PROFILES = Set.of("local", "default", "test");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> others = new ArrayList<>(List.of(environment.getActiveProfiles()));
        others.removeAll(LOCAL_PROFILES);
        if (others.isEmpty()) {
            return;
        }
        List<String> defaulted = LocalSecret.ALL.stream()
                .filter(s -> s.defaultValue().equals(environment.getProperty(s.property())))
                .map(s -> s.property() + " (" + s.variable() + ")").toList();
        if (!defaulted.isEmpty()) {
            throw new IllegalStateException("refusing to start with profiles " + others + ": "
                    + String.join(" and ", defaulted) + " still have their local development defaults; set real"
                    + " secrets for this environment (only the profiles " + LOCAL_PROFILES + " may use them)");
        }
    }
}
