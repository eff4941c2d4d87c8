package io.github.seckill.admin.security;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the bootstrap admin's password before any bean exists, so a production start with the
 * default password fails at once, before it connects to anything. Registered in META-INF/spring.factories
 * (hence public).
 */
public class DefaultPasswordGuard implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder.get(environment).bindOrCreate("seckill.admin.bootstrap", Bindable.of(BootstrapAdmin.class))
                .requireSafeFor(Arrays.asList(environment.getActiveProfiles()));
    }
}
