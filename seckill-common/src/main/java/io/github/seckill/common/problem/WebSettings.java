package io.github.seckill.common.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize largest request body a service reads; larger ones are refused with 413 before
 *                    authentication and parsing. 256 KB fits the largest internal or back-office call
 *                    (a batch of re-drives); the shopper API sets 1 KB, a purchase being about 20 bytes
 */
@ConfigurationProperties("seckill.web")
public record WebSettings(@DefaultValue("256KB") DataSize maxBodySize) {

    public WebSettings {
        if (maxBodySize == null || maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("seckill.web.max-body-size must be positive");
        }
    }
}
