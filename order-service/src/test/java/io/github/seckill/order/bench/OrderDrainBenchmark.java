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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.order.OrderServiceApplication;
import io.github.seckill.testsupport.InvariantChecker;
import io.github.seckill.testsupport.InvariantReport;
import io.github.seckill.testsupport.TestServers;

/**
 * One hot sale drained through Kafka into MySQL under Seata: N orders are reserved in Redis and
 * published while the consumers are stopped, then the consumers start and the time until the last
 * order is committed is measured. Prints orders/s, drain time, the invariant check and the machine.
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
        settings.put("spring.kafka.listener.auto-startup", false);

        List<String> arguments = new ArrayList<>(settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
        arguments.addAll(List.of(args).subList(Math.min(1, args.length), args.length)); // extra --key=value

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OrderServiceApplication.class)
                .run(arguments.toArray(String[]::new))) {
            Reservations reservations = app.getBean(Reservations.class);
            ObjectMapper json = app.getBean(ObjectMapper.class);
            KafkaTemplate<String, String> kafka = app.getBean(KafkaTemplate.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long sale = System.currentTimeMillis() % 1_000_000;
            reservations.prewarm(sale, "Benchmark sale", orders, 1, Instant.now().minusSeconds(60),
                    Instant.now().plusSeconds(3600), new BigDecimal("9.90"));
            List<OrderPlaced> placed = new ArrayList<>(orders);
            for (int i = 0; i < orders; i++) {
                OrderPlaced order = OrderPlaced.of(sale * 1_000_000L + i, sale, 1_000_000L + i, 1,
                        new BigDecimal("9.90"), Instant.now());
                reservations.reserve(sale, order.orderId(), order.userId(), 1, json.writeValueAsString(order));
                placed.add(order);
            }
            String topic = TestServers.topic("seckill.order.placed");
            for (OrderPlaced order : placed) {
                kafka.send(topic, Long.toString(order.orderId()), json.writeValueAsString(order));
            }
            kafka.flush();
            System.out.printf("%d orders reserved and published; starting the consumers%n", orders);

            long start = System.nanoTime();
            app.getBean(KafkaListenerEndpointRegistry.class).start();
            long committed = 0;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (committed < orders && Instant.now().isBefore(deadline)) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                committed = jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE activity_id = ?", Long.class, sale);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            InvariantReport report;
            try (Connection c = app.getBean(DataSource.class).getConnection()) {
                report = new InvariantChecker(app.getBean(StringRedisTemplate.class), TestServers.redisPrefix())
                        .check(c, sale, false);
            }
            System.out.printf("committed %d of %d orders in %.2f s: %.0f orders/s%n", committed, orders, seconds,
                    committed / seconds);
            System.out.println("invariants (I1, I2 while phase two may still be confirming): " + report);
            System.out.printf("machine: %d cores, %d MiB max heap, %s %s, %s %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    System.getProperty("os.name"), ManagementFactory.getOperatingSystemMXBean().getArch());
        }
        System.exit(0);
    }
}
