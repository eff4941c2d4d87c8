package io.github.seckill.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the whole platform on this machine: MariaDB, Redis, Kafka, the Seata TC and the four services,
 * each only where nothing listens on its port yet, then loads the demo data and prints {@code READY}.
 * On SIGINT/SIGTERM it stops what it started, last-started first. Started by {@code local-stack/run.sh}.
 */
public final class LocalStack {

    private static final Duration SERVICE_START = Duration.ofMinutes(4);

    private final StackSettings settings;
    private final Stops stops = new Stops();
    private final long startedAt = System.nanoTime();

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help")) {
            System.out.println(StackSettings.USAGE);
            return;
        }
        StackSettings settings;
        try {
            settings = StackSettings.from(args, Path.of(System.getProperty("seckill.repo", "")).toAbsolutePath(),
                    System.getenv());
            DataFolder.prepare(settings);
        } catch (IllegalArgumentException | StackFailure e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack.stops::stopAll, "local-stack-stop"));
        try {
            stack.start();
        } catch (StackFailure e) {
            if (!stack.stops.stopping()) { // else a Ctrl-C cut the start short: nothing to report
                System.err.println();
                System.err.println("local-stack: " + e.getMessage());
                System.exit(1); // the shutdown hook stops what was started
            }
        }
        stack.stops.awaitStopped();
    }

    private void start() {
        if (settings.cluster()) {
            startCluster();
            return;
        }
        // first what is there already, so that a port held by something else fails before anything starts
        boolean haveMySql = reused("MariaDB", settings.mysqlPort(), "SECKILL_MYSQL_PORT", this::mysqlRefusal);
        boolean haveRedis = reused("Redis", settings.redisPort(), "SECKILL_REDIS_PORT",
                () -> refusal(Probes.isRedis(settings.redisPort()), "it does not answer PING"));
        boolean haveKafka = reused("Kafka", settings.kafkaPort(), "SECKILL_KAFKA_PORT",
                () -> refusal(Probes.isKafka(settings.kafkaPort()), "it does not answer as a Kafka broker"));
        boolean haveTc = reused("Seata TC", settings.tcPort(), "SECKILL_TC_PORT", Optional::empty);
        List<ServiceJars.Service> services = ServiceJars.all(settings).stream()
                .filter(service -> !reused(service.module(), service.port(), null, () -> refusal(
                        Probes.isUp(service.port()), "its /actuator/health does not say UP")))
                .toList();
        if (!haveTc) {
            Coordinator.checkConsolePort(settings);
        }

        Path data = settings.data();
        if (!haveMySql) {
            starting("MariaDB", settings.mysqlPort(), () -> stops.start(
                    () -> EmbeddedMariaDb.start(data.resolve("mariadb"), settings.mysqlPort()),
                    EmbeddedMariaDb::stopQuietly));
        }
        if (!haveRedis) {
            starting("Redis", settings.redisPort(),
                    () -> EmbeddedRedis.start(stops, data.resolve("redis"), settings.redisPort(), settings.logs()));
        }
        if (!haveKafka) {
            starting("Kafka", settings.kafkaPort(), () -> KafkaBroker.start(stops, data.resolve("kafka"),
                    settings.kafkaPort(), settings.kafkaControllerPort(), settings.jvm(), settings.logs()));
        }
        if (!haveTc) {
            starting("Seata TC", settings.tcPort(), () -> Coordinator.start(stops, settings));
        }
        startServices(services);

        DemoData demo = new DemoData(settings);
        demo.registerShoppers();
        Banner.print(settings, demo.sale(!settings.fresh()));
        ready(ServiceJars.all(settings));
    }

    /**
     * {@code --cluster}: every server the stack's own and more than one of each (ClusterLayout), MariaDB alone
     * shared, and reused when one already listens on its port.
     */
    private void startCluster() {
        ClusterLayout cluster = ClusterLayout.of(settings, Coordinator.advertisedHost());
        cluster.ports().forEach((port, what) -> {
            if (Probes.listening(port)) {
                throw new StackFailure("port " + port + " (" + what + " of the cluster stack) is taken: stop what"
                        + " listens there (a stack started without --cluster?)");
            }
        });
        Balancer.executable(); // before anything starts
        Path data = settings.data();
        if (!reused("MariaDB", settings.mysqlPort(), "SECKILL_MYSQL_PORT", this::mysqlRefusal)) {
            starting("MariaDB", settings.mysqlPort(), () -> stops.start(
                    () -> EmbeddedMariaDb.start(data.resolve("mariadb"), settings.mysqlPort()),
                    EmbeddedMariaDb::stopQuietly));
        }
        starting("Redis Cluster", cluster.redisPorts().get(0), () -> stops.start(() -> RedisCluster.start(
                data.resolve("redis-cluster"), cluster.redisPorts(), ClusterLayout.REDIS_MASTERS, settings.logs()),
                RedisCluster::close));
        starting("Kafka, 3 brokers", settings.kafkaPort(), () -> stops.start(() -> KafkaCluster.start(
                data.resolve("kafka-cluster"), cluster.kafka(), settings.jvm(), settings.logs()), KafkaCluster::close));
        // one after the other: the first creates the store's tables
        for (Coordinator.Instance tc : cluster.tcs()) {
            starting("Seata " + tc.name(), tc.port(), () -> Coordinator.startOnDatabase(stops, settings, tc, cluster.tcHost(),
                    Coordinator.DATABASE));
        }
        startServices(cluster.services());
        starting("HAProxy", cluster.balancerPort(),
                () -> Balancer.start(stops, settings, cluster.balancerPort(), cluster.apis()));

        DemoData demo = new DemoData(settings);
        demo.registerShoppers();
        Banner.printCluster(settings, cluster, demo.sale(!settings.fresh()));
        ready(cluster.services());
    }

    private void ready(List<ServiceJars.Service> services) {
        for (ServiceJars.Service service : services) {
            if (!Probes.isUp(service.port())) {
                throw new StackFailure(service.name() + " is no longer UP; see " + settings.logs());
            }
        }
        System.out.printf("all up in %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
        System.out.println("READY");
    }

    /** Starts the services together (they take most of the start time), then waits for each. */
    private void startServices(List<ServiceJars.Service> services) {
        Map<ChildProcess, Integer> starting = new LinkedHashMap<>();
        for (ServiceJars.Service service : services) {
            ChildProcess child = ServiceJars.start(stops, service, settings);
            System.out.printf("%-22s starting on port %d (log %s)%n", service.name(), service.port(), child.log());
            starting.put(child, service.port());
        }
        starting.forEach((child, port) -> {
            child.awaitReady(SERVICE_START, () -> Probes.isUp(port));
            System.out.printf("%-22s UP at %.1f s%n", child.name(), (System.nanoTime() - startedAt) / 1e9);
        });
    }

    /** True when a usable server already listens on the port; fails when something else holds it. */
    private boolean reused(String what, int port, String portVariable, Supplier<Optional<String>> refusal) {
        if (!Probes.listening(port)) {
            return false;
        }
        Optional<String> why = refusal.get();
        if (why.isPresent()) {
            throw new StackFailure("port " + port + " is taken by something the stack cannot use as " + what + ": "
                    + why.get() + "\nstop what listens there"
                    + (portVariable == null ? "" : ", or give " + what + " another port with " + portVariable));
        }
        System.out.printf("%-22s using the server already on port %d%n", what, port);
        return true;
    }

    private void starting(String what, int port, Runnable start) {
        long t0 = System.nanoTime();
        System.out.printf("%-22s starting on port %d ...%n", what, port);
        start.run();
        System.out.printf("%-22s up in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private Optional<String> mysqlRefusal() {
        return Probes.mysqlRefusal(settings.mysqlPort(), settings.mysqlUser(), settings.mysqlPassword())
                .map(why -> why + " (the services log in as '" + settings.mysqlUser()
                        + "'; set SECKILL_MYSQL_USER / SECKILL_MYSQL_PASSWORD)");
    }

    private static Optional<String> refusal(boolean usable, String why) {
        return usable ? Optional.empty() : Optional.of(why);
    }
}
