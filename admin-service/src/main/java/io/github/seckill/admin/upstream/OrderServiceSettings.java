package io.github.seckill.admin.upstream;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * order-service's internal API (orders and the MySQL stock belong to it).
 *
 * @param timeout connect and read timeout of one call; a page waits at most this long for a figure
 */
@ConfigurationProperties("seckill.order-service")
record OrderServiceSettings(@DefaultValue("http://127.0.0.1:8082") URI url, @DefaultValue("internal") String username,
        @DefaultValue("internal-local-only") String password, @DefaultValue("2s") Duration timeout) {
}
