package io.github.seckill.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize largest request body under {@code /api/}; a purchase is about 20 bytes, so anything
 *                    near the limit is abuse and is refused (413) before it is parsed
 */
@ConfigurationProperties("seckill.web")
record WebSettings(@DefaultValue("1KB") DataSize maxBodySize) {
}
