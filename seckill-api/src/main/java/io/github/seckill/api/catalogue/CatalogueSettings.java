package io.github.seckill.api.catalogue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl      how long a sale (or the knowledge that an id is no sale) is served from memory; a storm
 *                 of catalogue reads costs Redis one read per sale per ttl and instance
 * @param maxSales sales kept in memory at most
 */
@ConfigurationProperties("seckill.catalogue")
record CatalogueSettings(@DefaultValue("1s") Duration ttl, @DefaultValue("100000") long maxSales) {
}
