package io.github.seckill.stack;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;

/** The Redis clients the tests use beside the services, set up as the services set theirs up. */
public final class RedisClients {

    private RedisClients() {
    }

    /**
     * A client of the cluster at {@code nodes} ({@code host:port,...}), not yet started: what Spring Boot
     * builds from the services' {@code spring.data.redis.cluster.nodes}, {@code .timeout} and
     * {@code .lettuce.cluster.refresh.*} (adaptive refresh and a periodic one every 10 s).
     */
    public static LettuceConnectionFactory cluster(String nodes) {
        ClusterTopologyRefreshOptions refresh = ClusterTopologyRefreshOptions.builder()
                .enableAllAdaptiveRefreshTriggers().enablePeriodicRefresh(Duration.ofSeconds(10)).build();
        return new LettuceConnectionFactory(new RedisClusterConfiguration(List.of(nodes.split(","))),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500))
                        .clientOptions(ClusterClientOptions.builder().topologyRefreshOptions(refresh).build())
                        .build());
    }
}
