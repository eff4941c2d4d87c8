package io.github.seckill.order.stock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param slices  stock rows a new sale's MySQL stock is split into (ADR 18); at least the partitions of the
 *                order topic for two instances never to share a row while stock lasts; 1 is one row per sale
 */
@ConfigurationProperties("seckill.stock")
public record StockSettings(@DefaultValue("6") int slices) {

    public StockSettings {
        if (slices < 1 || slices > 256) {
            throw new IllegalArgumentException("seckill.stock.slices must be 1..256, was " + slices);
        }
    }
}
