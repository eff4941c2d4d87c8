package io.github.seckill.compensation.sweeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.github.seckill.compensation.CompensationApplication;
import io.github.seckill.compensation.CompensationTestSupport;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two replicas on one MySQL: ShedLock lets one sweep at a time and holds the lock for
 * lock-at-least-for (0.9 s here, interval 1 s), so together they sweep once per tick, not twice.
 */
class SweeperReplicasIntegrationTest extends CompensationTestSupport {

    private static final Duration LOCK_AT_LEAST = Duration.ofMillis(900);

    @Autowired
    MeterRegistry meters;
    @Autowired
    ConfigurableEnvironment environment;

    private static double runs(MeterRegistry registry) {
        var counter = registry.find("seckill.sweeper.runs").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void twoReplicasSweepOncePerTick() {
        try (ConfigurableApplicationContext replica = replica()) {
            MeterRegistry other = replica.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> runs(other) + runs(meters) > 0);

            double before = runs(meters) + runs(other);
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> runs(meters) + runs(other) - before >= 5);
            double swept = runs(meters) + runs(other) - before;
            Duration window = Duration.ofNanos(System.nanoTime() - start);

            // Starts are at least LOCK_AT_LEAST apart whichever replica runs: two sweeping each tick would double it.
            long mostPossible = window.toMillis() / LOCK_AT_LEAST.toMillis() + 1;
            assertThat(swept).as("sweeps in %s by both replicas", window).isLessThanOrEqualTo(mostPossible);
        }
    }

    /** A second compensation-service on the same servers; its Kafka listeners stay off. */
    private ConfigurableApplicationContext replica() {
        Map<String, Object> properties = new HashMap<>();
        // the same topics and partitions: with its default of 6 it would add partitions to the shared topics,
        // which the first context's consumers only see at their next metadata refresh
        for (String key : new String[] { "spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "spring.data.redis.host", "spring.data.redis.port",
                "spring.kafka.bootstrap-servers", "seckill.redis.key-prefix", "seckill.topics.order-dlq",
                "seckill.topics.order-placed", "seckill.topics.order-failed", "seckill.topics.partitions",
                "seckill.order-service.url" }) {
            String value = environment.getProperty(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        properties.put("server.port", "0");
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("seckill.sweeper.interval", "1s");
        properties.put("seckill.sweeper.lock-at-least-for", "PT0.9S");
        properties.put("seckill.reconciliation.enabled", "false");
        properties.put("seckill.data-dir", "target/replica");
        return new SpringApplicationBuilder(CompensationApplication.class)
                .initializers(c -> c.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("replica", properties)))
                .run();
    }
}
