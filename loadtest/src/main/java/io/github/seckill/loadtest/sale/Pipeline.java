package io.github.seckill.loadtest.sale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.testsupport.InvariantChecker;
import io.github.seckill.testsupport.InvariantReport;

/**
 * The sale seen from behind the API: order-service's MySQL orders (sampled every 100 ms from the
 * first purchase on) and the sale's reservation ledger in Redis; then docs/design.md §6's checker.
 */
final class Pipeline implements AutoCloseable {

    /** Ledger states that still hold stock for an order not yet settled. */
    private static final Set<String> LIVE = Set.of("RESERVED", "TRYING", "CANCELLING");

    record Sample(long at, long orders) {
    }

    /** When the sale's last order reached MySQL, and whether the pipeline went quiet in time. */
    record Drain(boolean quiet, long lastOrderAt, Map<String, Long> statuses) {
    }

    private final Platform platform;
    private final LettuceConnectionFactory connection;
    private final StringRedisTemplate redis;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private Connection watching;

    Pipeline(Platform platform) {
        this.platform = platform;
        this.connection = platform.redisCluster().isBlank()
                ? new LettuceConnectionFactory(new RedisStandaloneConfiguration(platform.redisHost(), platform.redisPort()))
                : new LettuceConnectionFactory(new RedisClusterConfiguration(List.of(platform.redisCluster().split(","))));
        connection.afterPropertiesSet();
        this.redis = new StringRedisTemplate(connection);
    }

    /** Starts counting the sale's orders in MySQL in the background. */
    void watch(long sale) throws SQLException {
        watching = mysql();
        sampler.scheduleAtFixedRate(() -> {
            try {
                samples.add(new Sample(System.currentTimeMillis(), statuses(watching, sale).values().stream()
                        .mapToLong(Long::longValue).sum()));
            } catch (SQLException e) {
                System.err.println("order count failed: " + e.getMessage());
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Waits until no ledger entry is live and the order counts held still for a second. */
    Drain awaitQuiet(long sale, long accepted, Duration timeout) throws SQLException {
        AtomicLong since = new AtomicLong(System.currentTimeMillis());
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
        boolean quiet;
        try (Connection mysql = mysql()) {
            try {
                Awaitility.await("sale " + sale + " quiet").atMost(timeout).pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            Map<String, Long> now = statuses(mysql, sale);
                            if (!now.equals(last.getAndSet(now))) {
                                since.set(System.currentTimeMillis());
                            }
                            return live(sale) == 0 && System.currentTimeMillis() - since.get() >= 1000;
                        });
                quiet = true;
            } catch (ConditionTimeoutException e) {
                quiet = false;
            }
        }
        long lastOrderAt = accepted == 0 ? -1 : samples.stream().filter(s -> s.orders() >= accepted)
                .mapToLong(Sample::at).min().orElse(-1);
        return new Drain(quiet, lastOrderAt, last.get());
    }

    InvariantReport check(long sale) throws SQLException {
        try (Connection mysql = mysql()) {
            return new InvariantChecker(redis, platform.redisPrefix()).check(mysql, sale, true);
        }
    }

    /** Ids of the sale's orders in MySQL, any status. */
    Set<String> orderIds(long sale) throws SQLException {
        Set<String> ids = new java.util.HashSet<>();
        try (Connection mysql = mysql(); PreparedStatement ps = mysql.prepareStatement(
                "SELECT id FROM orders WHERE activity_id = ?")) {
            ps.setLong(1, sale);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(Long.toString(rs.getLong(1)));
                }
            }
        }
        return ids;
    }

    private long live(long sale) {
        String ledger = new Reservations(redis, platform.redisPrefix()).keys(new SaleId(sale)).ledger();
        return redis.<String, String>opsForHash().entries(ledger).entrySet().stream()
                .filter(e -> e.getKey().endsWith(":s") && LIVE.contains(e.getValue())).count();
    }

    private static Map<String, Long> statuses(Connection mysql, long sale) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement ps = mysql.prepareStatement(
                "SELECT status, COUNT(*) FROM orders WHERE activity_id = ? GROUP BY status")) {
            ps.setLong(1, sale);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private Connection mysql() throws SQLException {
        return DriverManager.getConnection(platform.mysqlUrl(), platform.mysqlUser(), platform.mysqlPassword());
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            // a sample in flight still uses the connection
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (watching != null) {
                watching.close();
            }
        } catch (SQLException e) {
            // closing after the run: nothing left to lose
        }
        connection.destroy();
    }
}
