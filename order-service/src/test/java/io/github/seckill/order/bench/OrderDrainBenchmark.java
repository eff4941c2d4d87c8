package io.github.seckill.order.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.order.OrderServiceApplication;
import io.github.seckill.testsupport.InvariantChecker;
import io.github.seckill.testsupport.InvariantReport;
import io.github.seckill.testsupport.TestServers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sales drained through Kafka into MySQL under Seata. After a warm-up, N orders (over one sale or
 * several) are reserved in Redis and published at once; the time from the first send to the last order
 * committed is measured. Prints orders/s, drain time, the CPU each committed order cost each process
 * (order-service instances, the TC, MariaDB), the invariant check and the machine.
 * <p>
 * {@code --instances=2} runs a second order-service as a child JVM of the same classpath, in the same
 * consumer group, each instance with half the topic's partitions; {@code --sales=4} splits the orders
 * over four sales. Run with loadtest/order-drain.sh [orders] [--instances=N] [--sales=N] [--setting=value ...].
 */
public final class OrderDrainBenchmark {

    private static final int PARTITIONS = 6;

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<String> extra = new ArrayList<>(List.of(args).subList(Math.min(1, args.length), args.length));
        int instances = option(extra, "--instances", 1);
        int sales = option(extra, "--sales", 1);

        Map<String, Object> settings = new LinkedHashMap<>();
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
        settings.put("seckill.topics.partitions", PARTITIONS);
        settings.put("seckill.placement.concurrency", (PARTITIONS + instances - 1) / instances);
        settings.put("seata.service.grouplist.default", TestServers.coordinator().toString());
        settings.put("server.port", 0);
        settings.put("logging.level.root", "WARN");
        settings.put("logging.level.org.apache.seata", "ERROR");

        List<String> arguments = new ArrayList<>(settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
        arguments.addAll(extra); // --key=value, after the defaults so they win
        List<Process> others = new ArrayList<>();

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OrderServiceApplication.class)
                .run(arguments.toArray(String[]::new))) {
            for (int i = 2; i <= instances; i++) {
                others.add(startInstance(i, arguments));
            }
            awaitGroup(app, instances * ((PARTITIONS + instances - 1) / instances), others);

            Drain warmUp = Drain.open(app, Math.max(2_000, orders / 2), sales); // JIT, pools, Seata table metadata
            warmUp.publish();
            warmUp.awaitCommitted();
            System.out.printf("warm-up: %d orders committed%n", warmUp.size());

            Drain drain = Drain.open(app, orders, sales);
            Map<String, Long> cpuBefore = cpu(others);
            Map<String, Long> locksBefore = lockStatus(app);
            double rolledBackBefore = rolledBack(app);
            long start = System.nanoTime();
            drain.publish();
            double published = (System.nanoTime() - start) / 1e9;
            long committed = drain.awaitCommitted();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> cpuAfter = cpu(others);
            Map<String, Long> locksAfter = lockStatus(app);
            double rolledBackAfter = rolledBack(app);
            List<InvariantReport> reports = drain.awaitQuiet();
            System.out.printf("%d order-service instance(s), %d sale(s), %d stock slice(s) per sale%n", instances,
                    sales, app.getEnvironment().getProperty("seckill.stock.slices", Integer.class, 6));
            System.out.printf("committed %d of %d orders in %.2f s: %.0f orders/s (published in %.2f s, drained"
                    + " %.2f s after the last send)%n", committed, orders, seconds, committed / seconds, published,
                    seconds - published);
            cpuAfter.forEach((process, after) -> System.out.printf("CPU per committed order, %s: %.0f us%n", process,
                    (after - cpuBefore.getOrDefault(process, 0L)) / 1e3 / Math.max(1, committed)));
            System.out.printf("MariaDB row lock waits %d (%d ms waited), deadlocks %d; batches rolled back in"
                    + " order-service 1: %.0f%n", delta(locksBefore, locksAfter, "Innodb_row_lock_waits"),
                    delta(locksBefore, locksAfter, "Innodb_row_lock_time"),
                    delta(locksBefore, locksAfter, "Innodb_deadlocks"), rolledBackAfter - rolledBackBefore);
            reports.forEach(r -> System.out.println("invariants once quiet: " + r));
            System.out.printf("machine: %d cores, %d MiB max heap, %s %s, %s %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    System.getProperty("os.name"), ManagementFactory.getOperatingSystemMXBean().getArch());
        } finally {
            others.forEach(Process::destroy);
        }
        System.exit(0);
    }

    private static int option(List<String> args, String name, int fallback) {
        Optional<String> given = args.stream().filter(a -> a.startsWith(name + "=")).findFirst();
        given.ifPresent(args::remove);
        return given.map(a -> Integer.parseInt(a.substring(name.length() + 1))).orElse(fallback);
    }

    /** Another order-service: a child JVM of this classpath, its output in target/. */
    private static Process startInstance(int number, List<String> arguments) throws Exception {
        Set<String> classpath = new LinkedHashSet<>();
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    classpath.add(new File(url.toURI()).getPath());
                }
            }
        }
        classpath.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        Path log = Path.of("target", "order-drain-instance-" + number + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", String.join(File.pathSeparator, classpath),
                OrderServiceApplication.class.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "order-drain-instance-stop"));
        System.out.printf("order-service instance %d: pid %d, log %s%n", number, process.pid(), log);
        return process;
    }

    /** Waits until the placement group has all its consumers, those of the other instances too. */
    private static void awaitGroup(ConfigurableApplicationContext app, int consumers, List<Process> others) {
        String group = app.getEnvironment().getRequiredProperty("spring.kafka.consumer.group-id");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        try (Admin admin = Admin.create(app.getBean(KafkaAdmin.class).getConfigurationProperties())) {
            while (true) {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (d.members().size() >= consumers && "STABLE".equals(d.state().name())) {
                    System.out.printf("consumer group %s: %d consumers%n", group, d.members().size());
                    return;
                }
                if (Instant.now().isAfter(deadline) || others.stream().anyMatch(p -> !p.isAlive())) {
                    throw new IllegalStateException("group " + group + " has " + d.members().size() + " of "
                            + consumers + " consumers (" + d.state() + "); see target/order-drain-instance-*.log");
                }
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MariaDB's counters of row lock waits and deadlocks, over every instance's transactions. */
    private static Map<String, Long> lockStatus(ConfigurableApplicationContext app) {
        Map<String, Long> status = new LinkedHashMap<>();
        app.getBean(JdbcTemplate.class).query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits',"
                + " 'Innodb_row_lock_time', 'Innodb_deadlocks')", rs -> {
                    status.put(rs.getString(1), rs.getLong(2));
                });
        return status;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String name) {
        return after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
    }

    private static double rolledBack(ConfigurableApplicationContext app) {
        Counter counter = app.getBean(MeterRegistry.class).find("seckill.tx").tag("outcome", "rolled_back").counter();
        return counter == null ? 0 : counter.count();
    }

    /** CPU time so far (ns) of this JVM, the other instances, the TC and MariaDB. */
    private static Map<String, Long> cpu(List<Process> others) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpu.put("order-service 1 (with the embedded broker and this harness)",
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime());
        for (int i = 0; i < others.size(); i++) {
            cpu.put("order-service " + (i + 2), procCpu(others.get(i).pid()));
        }
        TestServers.coordinatorProcess().ifPresent(tc -> cpu.put("Seata TC", procCpu(tc.pid())));
        pidOf("mariadbd").or(() -> pidOf("mysqld")).ifPresent(pid -> cpu.put("MariaDB", procCpu(pid)));
        return cpu;
    }

    /** utime + stime of a process from /proc, in ns (clock ticks of 10 ms). */
    private static long procCpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (Exception e) {
            return 0;
        }
    }

    private static Optional<Long> pidOf(String command) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return Files.readString(p.resolve("comm")).strip().equals(command);
                        } catch (Exception e) {
                            return false;
                        }
                    }).map(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Benchmark sales: their orders reserved in Redis, then published to Kafka interleaved. */
    private record Drain(ConfigurableApplicationContext app, List<Long> ids, List<OrderPlaced> orders) {

        static Drain open(ConfigurableApplicationContext app, int size, int sales) throws Exception {
            Reservations reservations = app.getBean(Reservations.class);
            ObjectMapper json = app.getBean(ObjectMapper.class);
            List<Long> ids = new ArrayList<>();
            for (int s = 0; s < sales; s++) {
                long id = (System.nanoTime() + s) % 1_000_000_000L;
                int stock = size / sales + (s < size % sales ? 1 : 0);
                reservations.prewarm(new SaleId(id), "Benchmark sale", stock, 1, Instant.now().minusSeconds(60),
                        Instant.now().plusSeconds(3600), new BigDecimal("9.90"));
                ids.add(id);
            }
            List<OrderPlaced> orders = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                long id = ids.get(i % sales);
                OrderPlaced order = OrderPlaced.of(id * 100_000L + i, id, 1_000_000L + i, 1, new BigDecimal("9.90"),
                        Instant.now());
                reservations.reserve(new SaleId(id), new OrderId(order.orderId()), new UserId(order.userId()), 1,
                        json.writeValueAsString(order));
                orders.add(order);
            }
            return new Drain(app, ids, orders);
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

        /** The full check (I1-I5) per sale once phase two has confirmed every reservation, or the last after 60 s. */
        List<InvariantReport> awaitQuiet() throws Exception {
            InvariantChecker checker = new InvariantChecker(app.getBean(StringRedisTemplate.class),
                    TestServers.redisPrefix());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (true) {
                List<InvariantReport> reports = new ArrayList<>();
                try (Connection c = app.getBean(DataSource.class).getConnection()) {
                    for (long id : ids) {
                        reports.add(checker.check(c, id, true));
                    }
                }
                if (reports.stream().allMatch(InvariantReport::green) || Instant.now().isAfter(deadline)) {
                    return reports;
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }

        long awaitCommitted() {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            long committed = 0;
            while (committed < orders.size() && Instant.now().isBefore(deadline)) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                committed = jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE activity_id IN (" + in + ")",
                        Long.class);
            }
            return committed;
        }
    }
}
