package io.github.seckill.order.retention;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Redis's memory against its maxmemory, as gauges ({@code seckill_redis_used_memory_bytes},
 * {@code seckill_redis_max_memory_bytes}): Redis runs with noeviction, so a full Redis refuses every purchase
 * (ADR 15). Read from INFO memory by every replica; the alert takes the largest. On a Redis Cluster every
 * master fills on its own and refuses writes to its slots when it is full, so the gauges are the fullest
 * master's.
 */
@Component
class RedisMemory {

    private static final Logger log = LoggerFactory.getLogger(RedisMemory.class);

    private final StringRedisTemplate redis;
    private final AtomicLong used = new AtomicLong(-1);
    private final AtomicLong max = new AtomicLong(-1);

    RedisMemory(StringRedisTemplate redis, MeterRegistry meters) {
        this.redis = redis;
        Gauge.builder("seckill.redis.used.memory", used, AtomicLong::get).baseUnit("bytes")
                .description("memory Redis uses (INFO memory used_memory); -1 until read").register(meters);
        Gauge.builder("seckill.redis.max.memory", max, AtomicLong::get).baseUnit("bytes")
                .description("Redis's maxmemory (0: no limit); -1 until read").register(meters);
    }

    @Scheduled(fixedDelayString = "${seckill.retention.memory-interval:30s}", initialDelay = 0)
    void read() {
        try {
            RedisConnectionFactory factory = redis.getRequiredConnectionFactory();
            long[] fullest = factory instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware()
                    ? fullestMaster(lettuce)
                    : memory(redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("memory")));
            used.set(fullest[0]);
            max.set(fullest[1]);
        } catch (RuntimeException e) {
            log.debug("Redis memory not read: {}", e.toString());
        }
    }

    private static long[] fullestMaster(LettuceConnectionFactory cluster) {
        long[] most = null;
        try (RedisClusterConnection connection = cluster.getClusterConnection()) {
            for (RedisClusterNode node : connection.clusterGetNodes()) {
                if (node.isMaster() && node.isConnected()) {
                    long[] memory = memory(connection.serverCommands().info(node, "memory"));
                    most = most == null || share(memory) > share(most) ? memory : most;
                }
            }
        }
        if (most == null) {
            throw new IllegalStateException("no master of the cluster answered");
        }
        return most;
    }

    /** used_memory and maxmemory of one INFO memory answer. */
    private static long[] memory(Properties info) {
        return new long[] { Long.parseLong(info.getProperty("used_memory")),
                Long.parseLong(info.getProperty("maxmemory")) };
    }

    /** How full a node is: against its maxmemory, or in bytes when it has none (a larger node then wins). */
    private static double share(long[] memory) {
        return memory[1] > 0 ? (double) memory[0] / memory[1] : memory[0];
    }
}
