package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.seckill.api.ApiTestSupport;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The purchase path's meters, under the names docs/design.md §7 gives them once exported to Prometheus
 * ({@code seckill.purchase.requests} is {@code seckill_purchase_requests_total}, and so on).
 */
class MetricsIntegrationTest extends ApiTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void purchaseLimiterFlagAndBreakerMetersAreRegistered() {
        long sale = openSale(1, 1);
        buy(shopper(), sale, "{\"quantity\":1}");
        buy(shopper(), sale, "{\"quantity\":1}");

        assertThat(meters.find("seckill.purchase.requests").tag("outcome", "accepted").counter().count()).isPositive();
        assertThat(meters.find("seckill.purchase.requests").tag("outcome", "sold_out").counter().count()).isPositive();
        assertThat(meters.find("seckill.purchase.requests").tag("outcome", "rate_limited").counter()).isNotNull();
        assertThat(meters.find("seckill.purchase.latency").timer().count()).isPositive();
        assertThat(meters.find("seckill.soldout.flag.hits").counter()).isNotNull();
        assertThat(meters.find("seckill.soldout.flags").gauge()).isNotNull();
        for (String breaker : new String[] { "redis", "kafka", "orderService" }) {
            assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", breaker).gauges())
                    .as("breaker %s", breaker).isNotEmpty();
        }
    }
}
