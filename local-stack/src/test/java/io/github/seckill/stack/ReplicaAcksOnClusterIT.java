package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.redis.ActivityKeys;
import io.github.seckill.common.redis.ReplicaAcks;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.testsupport.TestServers;
import io.lettuce.core.cluster.SlotHash;
import redis.clients.jedis.Jedis;

/**
 * {@link ReplicaAcks} on a Redis Cluster of three masters and three replicas: a wait answers true only
 * once the replica of the sale's own master holds the reservation, false when that replica is frozen
 * (SIGSTOP) past the timeout, and the waits of one sale that meet share one {@code WAIT}. Against a
 * frozen replica a {@code WAIT} sent to another master, or on a connection that wrote nothing, would
 * answer at once: each of those mistakes fails here.
 */
class ReplicaAcksOnClusterIT {

    private static final AtomicLong SALES = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000);
    private static final AtomicLong ORDERS = new AtomicLong(1);

    private static RedisCluster cluster;
    private static LettuceConnectionFactory factory;
    private static Reservations reservations;

    private ReplicaAcks acks;
    private LettuceConnectionFactory single;
    private final List<Long> frozen = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        Path home = Path.of("target", "redis-acks-" + TestServers.RUN);
        cluster = RedisCluster.start(home, RedisCluster.freePorts(6), 3, home.resolve("logs"));
        factory = RedisClients.cluster(cluster.nodesSetting());
        factory.afterPropertiesSet();
        reservations = new Reservations(new StringRedisTemplate(factory), TestServers.redisPrefix());
    }

    @AfterAll
    static void stopCluster() {
        factory.destroy();
        cluster.close();
    }

    @BeforeEach
    void healthy() {
        cluster.awaitFormed();
    }

    @AfterEach
    void letGo() {
        frozen.forEach(Signals::resume);
        if (acks != null) {
            acks.close();
        }
        if (single != null) {
            single.destroy();
        }
    }

    @Test
    void aWaitAnswersOnceTheReplicaOfTheSalesMasterHoldsTheReservation() throws Exception {
        acks = ReplicaAcks.of(factory, TestServers.redisPrefix(), 1, Duration.ofSeconds(1));
        long sale = openSale();
        int replica = replicaOf(sale);
        long order = reserve(sale);

        assertThat(acks.await(sale).get(2, TimeUnit.SECONDS)).isTrue();

        try (Jedis read = new Jedis(StackSettings.HOST, replica, 2_000)) {
            read.readonly();
            assertThat(read.hget(keys(sale).ledger(), order + ":s")).isEqualTo("RESERVED");
        }
    }

    @Test
    void aFrozenReplicaIsWaitedForOnlyUntilTheTimeoutThenAgainOnceItAnswers() throws Exception {
        acks = ReplicaAcks.of(factory, TestServers.redisPrefix(), 1, Duration.ofMillis(300));
        long sale = openSale();
        assertThat(acks.await(sale).get(2, TimeUnit.SECONDS)).isTrue();
        freeze(replicaOf(sale));
        reserve(sale);

        long start = System.nanoTime();
        assertThat(acks.await(sale).get(2, TimeUnit.SECONDS)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(290),
                acks.patience().plusMillis(200));

        thaw();
        reserve(sale);
        assertThat(acks.await(sale).get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theWaitsOfOneSaleThatMeetShareOneWait() throws Exception {
        acks = ReplicaAcks.of(factory, TestServers.redisPrefix(), 1, Duration.ofSeconds(2));
        long sale = openSale();
        int master = masterOf(sale);
        assertThat(acks.await(sale).get(2, TimeUnit.SECONDS)).isTrue();
        freeze(replicaOf(sale));
        long before = waitCalls(master);

        List<CompletableFuture<Boolean>> waits = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            reserve(sale);
            waits.add(acks.await(sale));
        }
        // the first WAIT blocks on the frozen replica while the other 99 join the next one
        assertThat(waits).noneMatch(CompletableFuture::isDone);
        thaw();

        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        assertThat(waits).allMatch(wait -> wait.join());
        assertThat(waitCalls(master) - before).isEqualTo(2);
    }

    @Test
    void onASingleRedisTheWaitIsOnItsOwnConnectionAfterItsOwnWrite() throws Exception {
        long sale = openSale();
        int master = masterOf(sale);
        single = new LettuceConnectionFactory(new RedisStandaloneConfiguration(StackSettings.HOST, master));
        single.afterPropertiesSet();
        acks = ReplicaAcks.of(single, TestServers.redisPrefix(), 1, Duration.ofMillis(300));

        assertThat(acks.await(sale).get(2, TimeUnit.SECONDS)).isTrue();
        freeze(replicaOf(sale));
        reserve(sale);
        assertThat(acks.await(sale).get(2, TimeUnit.SECONDS)).isFalse();
        thaw();
        assertThat(acks.await(sale).get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void waitingOffAnswersAtOnceAndOpensNoConnection() throws Exception {
        ReplicaAcks off = ReplicaAcks.of(factory, TestServers.redisPrefix(), 0, Duration.ofMillis(50));
        long sale = openSale();
        int master = masterOf(sale);
        long clients = connectedClients(master);

        assertThat(off.enabled()).isFalse();
        assertThat(off.await(sale)).isCompletedWithValue(true);
        assertThat(connectedClients(master)).isEqualTo(clients);
        off.close();
    }

    private long openSale() {
        long sale = SALES.incrementAndGet();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        reservations.prewarm(new SaleId(sale), "acks", 1_000, 1_000, now.minusSeconds(60), now.plusSeconds(600),
                new BigDecimal("9.90"));
        return sale;
    }

    private long reserve(long sale) {
        long order = ORDERS.incrementAndGet();
        assertThat(reservations.reserve(new SaleId(sale), new OrderId(order), new UserId(7), 1,
                "{}").reserved()).isTrue();
        return order;
    }

    private static ActivityKeys keys(long sale) {
        return new ActivityKeys(TestServers.redisPrefix(), sale);
    }

    private static int masterOf(long sale) {
        return cluster.masterOf(SlotHash.getSlot(keys(sale).stock()), cluster.ports().get(0));
    }

    private static int replicaOf(long sale) {
        List<Integer> replicas = cluster.replicasOf(masterOf(sale));
        assertThat(replicas).hasSize(1);
        return replicas.get(0);
    }

    private void freeze(int port) {
        long pid = cluster.pid(port);
        Signals.stop(pid);
        frozen.add(pid);
    }

    private void thaw() {
        frozen.forEach(Signals::resume);
        frozen.clear();
    }

    private static long waitCalls(int port) {
        try (Jedis node = new Jedis(StackSettings.HOST, port, 2_000)) {
            return node.info("commandstats").lines().filter(line -> line.startsWith("cmdstat_wait:"))
                    .map(line -> line.substring(line.indexOf("calls=") + 6, line.indexOf(',')))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        }
    }

    private static long connectedClients(int port) {
        try (Jedis node = new Jedis(StackSettings.HOST, port, 2_000)) {
            return node.clientList().lines().count();
        }
    }
}
