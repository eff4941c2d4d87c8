package io.github.seckill.stack;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.redis.ActivityKeys;
import io.github.seckill.common.redis.ReplicaAcks;
import io.github.seckill.common.redis.Reservations;
import io.lettuce.core.cluster.SlotHash;
import redis.clients.jedis.Jedis;

/**
 * What waiting for a replica costs a reservation (ADR 17), on a Redis Cluster of three masters and three
 * replicas started for the run: {@code threads} callers reserve one unit of one hot sale each in a loop,
 * as seckill-api's purchase threads do, first without {@link ReplicaAcks}, then with it, each for
 * {@code seconds} after a warm-up. Prints reservations/s, latency p50/p99/max, the {@code WAIT}s the
 * master ran per reservation, the waits answered false, and the CPU of the sale's master and its replica
 * per reservation.
 * <p>
 * {@code loadtest/replica-acks.sh [threads] [seconds]}
 */
public final class ReplicaAcksBenchmark {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path home = Files.createDirectories(Path.of("target")).resolve("replica-acks-bench-" + System.currentTimeMillis());
        try (RedisCluster cluster = RedisCluster.start(home, RedisCluster.freePorts(6), 3, home.resolve("logs"))) {
            LettuceConnectionFactory factory = RedisClients.cluster(cluster.nodesSetting());
            factory.afterPropertiesSet();
            Reservations reservations = new Reservations(new StringRedisTemplate(factory), "bench");
            long sale = 1;
            Instant now = Instant.now();
            reservations.prewarm(new SaleId(sale), "bench", 1_000_000_000L, 1_000_000_000, now.minusSeconds(1),
                    now.plusSeconds(3_600), BigDecimal.ONE);
            int master = cluster.masterOf(SlotHash.getSlot(new ActivityKeys("bench", sale).stock()),
                    cluster.ports().get(0));
            int replica = cluster.replicasOf(master).get(0);
            System.out.printf(Locale.ROOT, "Redis Cluster 3+3, the sale on master %d (replica %d); %d threads, %d s each%n",
                    master, replica, threads, seconds);
            System.out.printf(Locale.ROOT, "%-22s %12s %8s %8s %8s %12s %10s %14s %14s%n", "mode", "reserved/s",
                    "p50 ms", "p99 ms", "max ms", "WAIT/resv", "unacked", "master CPU us", "replica CPU us");
            ReplicaAcks off = ReplicaAcks.of(factory, "bench", 0, Duration.ofMillis(50));
            try (ReplicaAcks on = ReplicaAcks.of(factory, "bench", 1, Duration.ofMillis(50))) {
                for (ReplicaAcks acks : List.of(off, on, off, on)) {
                    run(reservations, acks, sale, threads, Math.min(5, seconds), cluster, master, replica, null);
                    run(reservations, acks, sale, threads, seconds, cluster, master, replica,
                            acks.enabled() ? "WAIT 1 50ms" : "no wait");
                }
            }
            factory.destroy();
        }
    }

    /** One timed run; printed unless {@code label} is null (a warm-up). */
    private static void run(Reservations reservations, ReplicaAcks acks, long sale, int threads, int seconds,
            RedisCluster cluster, int master, int replica, String label) throws Exception {
        AtomicLong orders = new AtomicLong(System.nanoTime());
        AtomicLong unacked = new AtomicLong();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long waitsBefore = waitCalls(master);
        long masterCpu = cpuTicks(cluster.pid(master));
        long replicaCpu = cpuTicks(cluster.pid(replica));
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int me = t;
            new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    while (System.nanoTime() < deadline) {
                        long order = orders.incrementAndGet();
                        long begin = System.nanoTime();
                        if (!reservations.reserve(new SaleId(sale), new OrderId(order), new UserId(order), 1,
                                "{}").reserved()) {
                            throw new IllegalStateException("not reserved: " + order);
                        }
                        if (!acks.await(sale).get(1, TimeUnit.SECONDS)) {
                            unacked.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - begin;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    latencies[me] = mine;
                    counts[me] = n;
                    done.countDown();
                }
            }, "reserve-" + t).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (label == null) {
            return;
        }
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double waitsPer = (waitCalls(master) - waitsBefore) / (double) total;
        double masterUs = (cpuTicks(cluster.pid(master)) - masterCpu) * 1e6 / TICKS_PER_SECOND / total;
        double replicaUs = (cpuTicks(cluster.pid(replica)) - replicaCpu) * 1e6 / TICKS_PER_SECOND / total;
        System.out.printf(Locale.ROOT, "%-22s %12.0f %8.2f %8.2f %8.2f %12.3f %10d %14.1f %14.1f%n", label,
                total / elapsed, ms(all, 0.50), ms(all, 0.99), all[all.length - 1] / 1e6, waitsPer, unacked.get(),
                masterUs, replicaUs);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    private static long waitCalls(int port) {
        try (Jedis node = new Jedis(StackSettings.HOST, port, 2_000)) {
            return node.info("commandstats").lines().filter(line -> line.startsWith("cmdstat_wait:"))
                    .map(line -> line.substring(line.indexOf("calls=") + 6, line.indexOf(',')))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        }
    }

    /** User and system CPU of a process so far, in clock ticks (/proc/&lt;pid&gt;/stat fields 14 and 15). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        List<String> fields = new ArrayList<>(List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" ")));
        return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    }
}
