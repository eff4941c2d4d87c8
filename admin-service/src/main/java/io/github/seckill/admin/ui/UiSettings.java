package io.github.seckill.admin.ui;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pages show things.
 *
 * @param zone         time zone of the times shown and of the times typed into forms (default UTC)
 * @param pollInterval how often the dashboard and live pages refresh themselves (default 3 s)
 */
@ConfigurationProperties("seckill.admin.ui")
public record UiSettings(@DefaultValue("UTC") ZoneId zone, @DefaultValue("PT3S") Duration pollInterval) {
}
