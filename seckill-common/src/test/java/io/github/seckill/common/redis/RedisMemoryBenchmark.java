package io.github.seckill.common.redis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.KafkaPosition;
import io.github.seckill.testsupport.Endpoint;
import io.github.seckill.testsupport.TestServers;

/**
 * What a sale and its orders hold in Redis (ADR 15, docs/benchmarks.md): a sale of {@code ORDERS} orders
 * taken through the scripts as in production (reserved, marked sent, placed: TRYING then CONFIRMED; every
 * tenth released as a failed order), each shopper's order index written; then {@code MEMORY USAGE} of every
 * key, exact (SAMPLES 0). Prints figures, asserts nothing. Not part of the build's tests: run it with
 * -Dtest=RedisMemoryBenchmark (-Dorders=N to change the size).
 */
class RedisMemoryBenchmark {

    private static final int ORDERS = Integer.getInteger("orders", 10_000);
    private static final RedisScript<Long> USAGE = RedisScript.of(
            "return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0') or 0", Long.class);

    @Test
    void memoryPerSaleAndPerOrder() {
        Endpoint r = TestServers.redis();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(r.host(), r.port()));
        factory.afterPropertiesSet();
        StringRedisTemplate redis = new StringRedisTemplate(factory);
        String prefix = TestServers.redisPrefix() + "mem";
        Reservations reservations = new Reservations(redis, prefix);
        try {
            long sale = 4242;
            ActivityKeys keys = reservations.keys(new SaleId(sale));
            reservations.prewarm(new SaleId(sale), "A sale of " + ORDERS + " phones, one per shopper", ORDERS, 1,
                    Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), new BigDecimal("1999.00"));
            long empty = usage(redis, keys.meta()) + usage(redis, keys.stock());
            long firstOrder = 117_781_551_403_499_520L;
            List<Long> placed = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < ORDERS; i++) {
                long order = firstOrder + i * 4099L;
                long user = 1_000_000 + i;
                reservations.reserve(new SaleId(sale), new OrderId(order), new UserId(user), 1, payload(order, sale,
                        user));
                reservations.markSent(new SaleId(sale), new OrderId(order), new KafkaPosition(i % 6, i / 6));
                reservations.index(new SaleId(sale), new OrderId(order), new UserId(user));
                if (i % 10 == 9) {
                    reservations.release(new SaleId(sale), new OrderId(order), "no stock left in MySQL");
                    failed++;
                } else {
                    placed.add(order);
                }
                if (placed.size() == 1_000 || i == ORDERS - 1) {
                    String xid = "10.0.1.17:8091:" + (2_000_000_000_000L + i);
                    reservations.tryHold(new SaleId(sale), placed, xid);
                    reservations.confirm(new SaleId(sale), placed, xid);
                    placed.clear();
                }
            }
            long ledger = usage(redis, keys.ledger());
            long buyers = usage(redis, keys.buyers());
            long perSale = empty + ledger + buyers + usage(redis, keys.pending()) + usage(redis, keys.failed());
            long index = usage(redis, reservations.userKeys(new UserId(1_000_000)).orders());
            System.out.printf("redis %s, %d orders (%d failed):%n", version(redis), ORDERS, failed);
            System.out.printf("  meta+stock of a prewarmed sale: %d B%n", empty);
            System.out.printf("  ledger %d B (%.0f B per order), buyers %d B (%.0f B per shopper)%n", ledger,
                    (double) ledger / ORDERS, buyers, (double) buyers / ORDERS);
            System.out.printf("  the sale's keys in all: %d B (%.0f B per order)%n", perSale, (double) perSale / ORDERS);
            System.out.printf("  a shopper's order index with one order: %d B%n", index);
        } finally {
            redis.delete(redis.keys(prefix + ":*"));
            factory.destroy();
        }
    }

    /** The order as the shopper API writes it (OrderPlaced as JSON). */
    private static String payload(long order, long sale, long user) {
        return "{\"orderId\":" + order + ",\"activityId\":" + sale + ",\"userId\":" + user
                + ",\"quantity\":1,\"unitPrice\":1999.00,\"amount\":1999.00,\"placedAt\":\"2026-11-11T00:00:00.123456Z\"}";
    }

    private static long usage(StringRedisTemplate redis, String key) {
        Long bytes = redis.execute(USAGE, List.of(key));
        return bytes == null ? 0 : bytes;
    }

    private static String version(StringRedisTemplate redis) {
        return redis.execute((RedisCallback<String>) c -> c.serverCommands().info("server").getProperty("redis_version"));
    }
}
