package io.github.seckill.order.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service account other services use on {@code /internal/**}.
 *
 * @param password the default is for local use only
 */
@ConfigurationProperties("seckill.internal")
record InternalAccount(@DefaultValue("internal") String username,
        @DefaultValue("internal-local-only") String password) {
}
