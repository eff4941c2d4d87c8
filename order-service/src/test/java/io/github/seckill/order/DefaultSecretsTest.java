package io.github.seckill.order;

import org.junit.jupiter.api.Test;

import io.github.seckill.testsupport.DefaultSecrets;

/** The service stops before it starts under a non-local profile while its secrets are the local defaults. */
class DefaultSecretsTest {

    @Test
    void refusesTheLocalDefaults() {
        DefaultSecrets.assertRefused(OrderServiceApplication.class, "seckill.internal.password");
    }
}
