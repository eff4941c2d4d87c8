package io.github.seckill.common.redis;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.stack.RedisClients;
import io.github.seckill.stack.RedisCluster;
import io.github.seckill.testsupport.TestServers;

/**
 * seckill-common's {@link ReservationsTest}, every script and return code, on a Redis Cluster of three
 * masters and three replicas: each script's keys share one slot, and the sales of the run spread over
 * all three masters (consecutive sale ids hash to different slots).
 */
class ReservationsOnClusterIT extends ReservationsTest {

    private static RedisCluster cluster;

    @BeforeAll
    static void connect() {
        Path home = Path.of("target", "redis-cluster-" + TestServers.RUN);
        List<Integer> ports = RedisCluster.freePorts(6);
        cluster = RedisCluster.start(home, ports, 3, home.resolve("logs"));
        factory = RedisClients.cluster(cluster.nodesSetting());
        factory.afterPropertiesSet();
        redis = new StringRedisTemplate(factory);
        reservations = new Reservations(redis, TestServers.redisPrefix());
    }

    /**
     * After every {@code @AfterAll} of this class (ReservationsTest's deletes the run's keys through the
     * cluster); the nested classes inherit the extension, and their ends are not this one's.
     */
    @RegisterExtension
    static final AfterAllCallback STOP_CLUSTER = context -> {
        if (context.getRequiredTestClass() == ReservationsOnClusterIT.class) {
            cluster.close();
        }
    };
}
