package io.github.seckill.stack;

import static io.github.seckill.stack.StackSettings.HOST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The platform's four Spring Boot services, each run from {@code <module>/target/<module>.jar}. */
final class ServiceJars {

    /**
     * One service process: its module (the jar), its name (log file and working folder), its port, and the
     * environment it gets beyond the stack's standard one.
     */
    record Service(String module, String name, int port, Map<String, String> env) {

        Service(String module, int port) {
            this(module, module, port, Map.of());
        }
    }

    private ServiceJars() {
    }

    /** In start order: seckill-api asks order-service for order status, so order-service goes first. */
    static List<Service> all(StackSettings settings) {
        return List.of(new Service("order-service", settings.orderPort()),
                new Service("seckill-api", settings.apiPort()),
                new Service("admin-service", settings.adminPort()),
                new Service("compensation-service", settings.compensationPort()));
    }

    static ChildProcess start(Stops stops, Service service, StackSettings settings) {
        Path jar = jar(settings.repo(), service.module(), service.module() + ".jar");
        List<String> command = ChildProcess.java(settings.jvm(), List.of("-jar", jar.toString(),
                "--server.port=" + service.port(),
                // MySQL Connector/J reads keywords from information_schema.KEYWORDS.RESERVED on any server
                // that reports version 8 or later; MariaDB 11 (the embedded one) has no such column
                "--spring.datasource.hikari.data-source-properties.useInformationSchema=false"));
        // the services read these variables in their application.yml
        Map<String, String> env = new HashMap<>(Map.of(
                "SECKILL_MYSQL_HOST", HOST,
                "SECKILL_MYSQL_PORT", Integer.toString(settings.mysqlPort()),
                "SECKILL_MYSQL_USER", settings.mysqlUser(),
                "SECKILL_MYSQL_PASSWORD", settings.mysqlPassword(),
                "SECKILL_REDIS_HOST", HOST,
                "SECKILL_REDIS_PORT", Integer.toString(settings.redisPort()),
                "SECKILL_KAFKA_BOOTSTRAP", settings.kafkaBootstrap(),
                "SECKILL_TC_ADDRESS", HOST + ":" + settings.tcPort(),
                "SECKILL_ORDER_SERVICE_URL", StackSettings.url(settings.orderPort())));
        env.putAll(service.env());
        // only seckill-api answers shoppers; the others work behind Kafka or for the back office
        List<String> run = service.module().equals("seckill-api") ? command
                : ChildProcess.niced(settings.backgroundNice(), command);
        return ChildProcess.start(stops, service.name(), run, settings.data().resolve(service.name()), env,
                settings.logs());
    }

    static Path jar(Path repo, String module, String file) {
        Path jar = repo.resolve(module).resolve("target").resolve(file);
        if (!Files.isRegularFile(jar)) {
            throw new StackFailure(jar + " is missing: build it with ./mvnw install -DskipTests (run.sh does)");
        }
        return jar;
    }
}
