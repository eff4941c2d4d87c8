package io.github.seckill.admin.upstream;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * compensation-service's ops API (failed-order archives, retries, stuck reservations, stock drift).
 *
 * @param timeout connect and read timeout of one call (the CSV export streams without a read timeout)
 */
@ConfigurationProperties("seckill.compensation")
record CompensationSettings(@DefaultValue("http://127.0.0.1:8083") URI url, @DefaultValue("ops") String username,
        @DefaultValue("ops") String password, @DefaultValue("2s") Duration timeout) {
}
