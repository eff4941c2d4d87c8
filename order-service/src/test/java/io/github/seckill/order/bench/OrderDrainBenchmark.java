package io.github.seckill.order.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.order.OrderServiceApplication;
import io.github.seckill.testsupport.InvariantChecker;
import io.github.seckill.testsupport.InvariantReport;
import io.github.seckill.testsupport.TestServers;

/**
 * One hot sale drained through Kafka into MySQL under Seata. After a warm-up sale, N orders are
 * reserved in Redis and published at once; the time from the first send to the last order
 * committed is measured. Prints orders/s, drain time, the invariant check and the machine.
 * Run with loadtest/order-drain.sh [orders] [--setting=value ...].
 */
public final class OrderDrainBenchmark {

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Map<String, Object> settings = new java.util.HashMap<>();
        settings.put("spring.datasource.url", TestServers.mysql().url(TestServers.database("seckill_order")));
        settings.put("spring.datasource.username", TestServers.mysql().user());
        settings.put("spring.datasource.password", TestServers.mysql().password());
        settings.put("spring.data.redis.host", TestServers.redis().host());
        settings.put("spring.data.redis.port", TestServers.redis().port());
        settings.put("seckill.redis.key-prefix", TestServers.redisPrefix());
        settings.put("spring.kafka.bootstrap-servers", TestServers.kafka());
        settings.put("seckill.topics.order-placed", TestServers.topic("seckill.order.placed"));
        settings.put("seckill.topics.order-failed", TestServers.topic("seckill.order.failed"));
        settings.put("seckill.topics.order-events", TestServers.topic("seckill.order.events"));
        settings.put("seata.service.grouplist.default", TestServers.coordinator().toString());
        settings.put("server.port", 0);
        settings.put("logging.level.root", "WARN");
        settings.put("logging.level.org.apache.seata", "ERROR");

        List<String> arguments = new ArrayList<>(settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
        arguments.addAll(List.of(args).subList(Math.min(1, args.length), args.length)); // extra --key=value

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OrderServiceApplication.class)
                .run(arguments.toArray(String[]::new))) {
            Sale warmUp = Sale.open(app, Math.max(2_000, orders / 2)); // JIT, pools, Seata table metadata
            warmUp.publish();
            warmUp.awaitCommitted();
            System.out.printf("warm-up: %d orders committed%n", warmUp.size());

            Sale sale = Sale.open(app, orders);
            long start = System.nanoTime();
            sale.publish();
            double published = (System.nanoTime() - start) / 1e9;
            long committed = sale.awaitCommitted();
            double seconds = (System.nanoTime() - start) / 1e9;
            InvariantReport report = sale.awaitQuiet();
            System.out.printf("committed %d of %d orders in %.2f s: %.0f orders/s (published in %.2f s, drained"
                    + " %.2f s after the last send)%n", committed, orders, seconds, committed / seconds, published,
                    seconds - published);
            System.out.println("invariants once quiet: " + report);
            System.out.printf("machine: %d cores, %d MiB max heap, %s %s, %s %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    System.getProperty("os.name"), ManagementFactory.getOperatingSystemMXBean().getArch());
        }
        System.exit(0);
    }

    /** A benchmark sale: its orders reserved in Redis, then published to Kafka. */
    private record Sale(ConfigurableApplicationContext app, long id, List<OrderPlaced> orders) {

        static Sale open(ConfigurableApplicationContext app, int size) throws Exception {
            Reservations reservations = app.getBean(Reservations.class);
            ObjectMapper json = app.getBean(ObjectMapper.class);
            long id = System.nanoTime() % 1_000_000_000L;
            reservations.prewarm(id, "Benchmark sale", size, 1, Instant.now().minusSeconds(60),
                    Instant.now().plusSeconds(3600), new BigDecimal("9.90"));
            List<OrderPlaced> orders = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                OrderPlaced order = OrderPlaced.of(id * 100_000L + i, id, 1_000_000L + i, 1, new BigDecimal("9.90"),
                        Instant.now());
                reservations.reserve(id, order.orderId(), order.userId(), 1, json.writeValueAsString(order));
                orders.add(order);
            }
            return new Sale(app, id, orders);
        }

        int size() {
            return orders.size();
        }

        @SuppressWarnings("unchecked")
        void publish() throws Exception {
            KafkaTemplate<String, String> kafka = app.getBean(KafkaTemplate.class);
            ObjectMapper json = app.getBean(ObjectMapper.class);
            String topic = TestServers.topic("seckill.order.placed");
            for (OrderPlaced order : orders) {
                kafka.send(topic, Long.toString(order.orderId()), json.writeValueAsString(order));
            }
            kafka.flush();
        }

        /** The full check (I1-I5) once phase two has confirmed every reservation, or the last one after 60 s. */
        InvariantReport awaitQuiet() throws Exception {
            InvariantChecker checker = new InvariantChecker(app.getBean(StringRedisTemplate.class),
                    TestServers.redisPrefix());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (true) {
                try (Connection c = app.getBean(DataSource.class).getConnection()) {
                    InvariantReport report = checker.check(c, id, true);
                    if (report.green() || Instant.now().isAfter(deadline)) {
                        return report;
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }

        long awaitCommitted() {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            long committed = 0;
            while (committed < orders.size() && Instant.now().isBefore(deadline)) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                committed = jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE activity_id = ?", Long.class, id);
            }
            return committed;
        }
    }
}
