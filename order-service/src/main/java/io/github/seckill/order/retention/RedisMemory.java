package io.github.seckill.order.retention;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Redis's memory against its maxmemory, as gauges ({@code seckill_redis_used_memory_bytes},
 * {@code seckill_redis_max_memory_bytes}): Redis runs with noeviction, so a full Redis refuses every purchase
 * (ADR 15). Read from INFO memory by every replica; the alert takes the largest.
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
            Properties info = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("memory"));
            used.set(Long.parseLong(info.getProperty("used_memory")));
            max.set(Long.parseLong(info.getProperty("maxmemory")));
        } catch (RuntimeException e) {
            log.debug("Redis memory not read: {}", e.toString());
        }
    }
}
