package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.ReserveOutcome;
import io.github.seckill.testsupport.TestServers;
import io.lettuce.core.cluster.SlotHash;

/**
 * A Redis Cluster master SIGKILLed under a sale: its replica takes the sale's slot over, and the scripts
 * go on there through the services' client settings (Lettuce with adaptive and periodic topology refresh):
 * what the master had replicated is all there, stock and ledger agree, nothing is reserved twice.
 */
class RedisClusterFailoverIT {

    private static RedisCluster cluster;
    private static LettuceConnectionFactory factory;
    private static Reservations reservations;

    @BeforeAll
    static void start() throws Exception {
        Path home = Files.createDirectories(Path.of("target")).resolve("redis-failover-" + TestServers.RUN);
        cluster = RedisCluster.start(home, RedisCluster.freePorts(6), 3, home.resolve("logs"));
        factory = RedisClients.cluster(cluster.nodesSetting());
        factory.afterPropertiesSet();
        reservations = new Reservations(new StringRedisTemplate(factory), TestServers.redisPrefix());
    }

    @AfterAll
    static void stop() {
        try {
            factory.destroy();
        } finally {
            cluster.close();
        }
    }

    @Test
    void aSaleGoesOnOnTheReplicaOfItsKilledMasterWithEveryReplicatedReservation() {
        long sale = 8_000_001;
        Instant now = Instant.now();
        reservations.prewarm(new SaleId(sale), "failover", 100, 100, now.minusSeconds(1), now.plusSeconds(3_600),
                new BigDecimal("1.00"));
        int slot = SlotHash.getSlot(reservations.keys(new SaleId(sale)).stock());
        int master = cluster.masterOf(slot, cluster.ports().get(0));
        int witness = cluster.ports().stream().filter(port -> port != master).findFirst().orElseThrow();
        for (long order = 1; order <= 40; order++) {
            assertThat(reservations.reserve(new SaleId(sale), new OrderId(order), new UserId(order), 1,
                    "{}").reserved()).isTrue();
        }
        cluster.awaitReplicated(master);

        cluster.kill(master);
        await("a replica serving slot " + slot + " in place of " + master).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> cluster.masterOf(slot, witness) != master);
        // the client finds the new master by itself (adaptive refresh); the first calls may time out
        await("reservations on the new master").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> reservations.reserve(new SaleId(sale), new OrderId(41), new UserId(41),
                        1, "{}").reserved());
        for (long order = 42; order <= 60; order++) {
            assertThat(reservations.reserve(new SaleId(sale), new OrderId(order), new UserId(order), 1,
                    "{}").reserved()).isTrue();
        }

        assertThat(reservations.remaining(new SaleId(sale))).contains(40L);
        for (long order = 1; order <= 60; order++) {
            assertThat(reservations.entry(new SaleId(sale), new OrderId(order)).orElseThrow().state()).as("order %d",
                    order)
                    .isEqualTo(LedgerState.RESERVED);
        }
        assertThat(reservations.reserve(new SaleId(sale), new OrderId(1), new UserId(1), 1,
                "{}").outcome()).as("the same order again")
                .isEqualTo(ReserveOutcome.DUPLICATE_ORDER);

        cluster.restart(master);
        await("the old master back, as a replica").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> cluster.formed());
        assertThat(cluster.masterOf(slot, witness)).isNotEqualTo(master);
        assertThat(reservations.remaining(new SaleId(sale))).contains(40L);
    }
}
