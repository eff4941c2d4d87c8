package io.github.seckill.api.orders;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where order-service's internal API is, and how long to wait for it.
 *
 * @param username internal API account (same setting on order-service)
 * @param password internal API password; the default is for local use only
 */
@ConfigurationProperties("seckill.order-service")
public record OrderServiceSettings(@DefaultValue("http://127.0.0.1:8082") URI url,
        @DefaultValue("internal") String username,
        @DefaultValue(OrderServiceSettings.DEVELOPMENT_PASSWORD) String password,
        @DefaultValue("500ms") Duration connectTimeout, @DefaultValue("2s") Duration readTimeout) {

    /** The local-only default; the service refuses to start with it outside local profiles. */
    public static final String DEVELOPMENT_PASSWORD = "internal-local-only";
}
