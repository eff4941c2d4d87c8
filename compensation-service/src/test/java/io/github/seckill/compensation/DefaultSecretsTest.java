package io.github.seckill.compensation;

import org.junit.jupiter.api.Test;

import io.github.seckill.testsupport.DefaultSecrets;

/** The service stops before it starts under a non-local profile while its secrets are the local defaults. */
class DefaultSecretsTest {

    @Test
    void refusesTheLocalDefaults() {
        DefaultSecrets.assertRefused(CompensationApplication.class, "seckill.ops.password", "seckill.order-service.password");
    }
}
