package io.github.seckill.compensation.alerts;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where alerts go.
 *
 * @param url      the webhook; none (the default) turns alerts off: they are only logged
 * @param shape    the message shape the receiver understands
 * @param attempts tries per alert before it is given up (logged and counted)
 * @param backoff  first wait between tries, doubled each time
 */
@ConfigurationProperties("seckill.alerts")
record AlertSettings(URI url, @DefaultValue("GENERIC") AlertShape shape, @DefaultValue("3") int attempts,
        @DefaultValue("1s") Duration backoff) {

    boolean enabled() {
        return url != null && !url.toString().isBlank();
    }
}
