package io.github.seckill.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the stack keeps its data and which ports it uses. Every port has the platform's standard
 * default (see docs/design.md §7) and can be moved with an environment variable, which is also
 * how the services are told where to find the servers.
 */
record StackSettings(Path repo, Path data, boolean fresh, String mysqlUser, String mysqlPassword,
        int mysqlPort, int redisPort, int kafkaPort, int kafkaControllerPort, int tcPort, int tcConsolePort,
        int apiPort, int adminPort, int orderPort, int compensationPort, List<String> jvm, int backgroundNice,
        boolean cluster) {

    static final String HOST = "127.0.0.1";

    /**
     * The JVM options of every Java server the stack starts, unless SECKILL_JVM_OPTIONS gives others: a small
     * heap and the client compiler start fast and fit a laptop. A load test wants the server compiler and a
     * real heap, as in production (loadtest/sale.sh passes them).
     */
    static final List<String> LIGHT_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    static final String USAGE = """
            usage: local-stack/run.sh [--fresh] [--cluster]
              --fresh     delete the data folder first (local-stack/.data or $SECKILL_DATA_DIR)
              --cluster   more than one of everything: a Redis Cluster (3 masters, 3 replicas), 3 Kafka brokers,
                          2 Seata TCs on MySQL, 2 of each service but admin-service, HAProxy on the API port
                          (local-stack/README.md lists its ports; it needs haproxy)
            ports (environment): SECKILL_MYSQL_PORT 3306, SECKILL_REDIS_PORT 6379, SECKILL_KAFKA_PORT 9092,
              SECKILL_KAFKA_CONTROLLER_PORT 9093, SECKILL_TC_PORT 8091, SECKILL_TC_CONSOLE_PORT 7091,
              SECKILL_API_PORT 8080, SECKILL_ADMIN_PORT 8081, SECKILL_ORDER_PORT 8082, SECKILL_COMPENSATION_PORT 8083
            MySQL login (environment): SECKILL_MYSQL_USER root, SECKILL_MYSQL_PASSWORD (empty)
            JVM options of the servers it starts (environment): SECKILL_JVM_OPTIONS
            CPU priority of the servers no shopper waits on (environment): SECKILL_BACKGROUND_NICE 10""";

    static StackSettings from(String[] args, Path repo, Map<String, String> env) {
        boolean fresh = false;
        boolean cluster = false;
        for (String arg : args) {
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--cluster" -> cluster = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        Path data = repo.resolve(env.getOrDefault("SECKILL_DATA_DIR", "local-stack/.data"))
                .toAbsolutePath().normalize();
        return new StackSettings(repo, data, fresh,
                env.getOrDefault("SECKILL_MYSQL_USER", "root"), env.getOrDefault("SECKILL_MYSQL_PASSWORD", ""),
                port(env, "SECKILL_MYSQL_PORT", 3306), port(env, "SECKILL_REDIS_PORT", 6379),
                port(env, "SECKILL_KAFKA_PORT", 9092), port(env, "SECKILL_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "SECKILL_TC_PORT", 8091), port(env, "SECKILL_TC_CONSOLE_PORT", 7091),
                port(env, "SECKILL_API_PORT", 8080), port(env, "SECKILL_ADMIN_PORT", 8081),
                port(env, "SECKILL_ORDER_PORT", 8082), port(env, "SECKILL_COMPENSATION_PORT", 8083),
                jvm(env.get("SECKILL_JVM_OPTIONS")), number(env, "SECKILL_BACKGROUND_NICE", 10, 0, 19, "0 to 19"),
                cluster);
    }

    private static List<String> jvm(String options) {
        if (options == null || options.isBlank()) {
            return LIGHT_JVM;
        }
        return Arrays.stream(options.strip().split("\\s+")).toList();
    }

    Path logs() {
        return data.resolve("logs");
    }

    String kafkaBootstrap() {
        return HOST + ":" + kafkaPort;
    }

    static String url(int port) {
        return "http://" + HOST + ":" + port;
    }

    private static int port(Map<String, String> env, String name, int standard) {
        return number(env, name, standard, 1, 65535, "a port number");
    }

    private static int number(Map<String, String> env, String name, int standard, int min, int max, String what) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return standard;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be " + what + ", not '" + value + "'");
    }
}
