package io.github.seckill.common.orderservice;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.github.seckill.common.secrets.LocalSecret;

/**
 * Where order-service's internal API answers, its service account, and how long to wait for it.
 *
 * @param url            base URL, default {@code http://127.0.0.1:8082}
 * @param username       internal API account (the same setting on order-service), default {@code internal}
 * @param password       its password; the default is for local use only
 * @param timeout        shorthand for both timeouts, used where one of them is not set
 * @param connectTimeout default {@code timeout}, else 500ms
 * @param readTimeout    default {@code timeout}, else 2s
 */
@ConfigurationProperties("seckill.order-service")
public record OrderServiceSettings(@DefaultValue("http://127.0.0.1:8082") URI url,
        @DefaultValue("internal") String username, @DefaultValue(DEVELOPMENT_PASSWORD) String password,
        Duration timeout, Duration connectTimeout, Duration readTimeout) {

    /** The local-only default; seckill-api refuses to start with it outside local profiles. */
    public static final String DEVELOPMENT_PASSWORD = LocalSecret.INTERNAL_PASSWORD;

    public OrderServiceSettings {
        if (url == null || !url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("seckill.order-service.url must be an http(s) URL: " + url);
        }
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("seckill.order-service.username and .password must be set");
        }
        connectTimeout = positive("connect-timeout", connectTimeout, timeout, Duration.ofMillis(500));
        readTimeout = positive("read-timeout", readTimeout, timeout, Duration.ofSeconds(2));
    }

    private static Duration positive(String name, Duration value, Duration shorthand, Duration otherwise) {
        Duration d = value != null ? value : shorthand != null ? shorthand : otherwise;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("seckill.order-service." + name + " must be positive: " + d);
        }
        return d;
    }
}
