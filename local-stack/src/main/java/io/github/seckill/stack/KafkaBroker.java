package io.github.seckill.stack;

import static io.github.seckill.stack.StackSettings.HOST;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from
 * the Kafka jars on the launcher's classpath as a child process with its own log.
 */
final class KafkaBroker {

    private static final String LOGGING = "-Dlogback.configurationFile=io/github/seckill/stack/kafka-logback.xml";

    private KafkaBroker() {
    }

    /** The controller listens on {@code preferredControllerPort}, or on a free port when that one is taken. */
    static ChildProcess start(Stops stops, Path home, int port, int preferredControllerPort, List<String> jvm,
            Path logs) {
        return start(stops, home, port, port, preferredControllerPort, jvm, logs);
    }

    /**
     * The same broker telling its clients to connect to {@code advertisedPort}: a TCP proxy there
     * forwarding to {@code port} then carries all their traffic (fault runs cut it).
     */
    static ChildProcess start(Stops stops, Path home, int port, int advertisedPort, int preferredControllerPort,
            List<String> jvm, Path logs) {
        int controllerPort = Probes.listening(preferredControllerPort) ? freePort() : preferredControllerPort;
        Path logDir = home.resolve("data");
        Path config = home.resolve("server.properties");
        try {
            Files.createDirectories(home);
            Files.writeString(config, serverProperties(port, advertisedPort, controllerPort, logDir));
        } catch (IOException e) {
            throw new StackFailure("cannot write " + config + ": " + e.getMessage(), e);
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            List<String> format = ChildProcess.javaWithOurClasspath(with(StackSettings.LIGHT_JVM),
                    "kafka.tools.StorageTool",
                    "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString());
            ChildProcess.start(stops, "kafka-format", format, home, Map.of(), logs)
                    .awaitSuccess(Duration.ofSeconds(60));
        }
        ChildProcess kafka = ChildProcess.start(stops, "kafka",
                ChildProcess.javaWithOurClasspath(with(jvm), "kafka.Kafka", config.toString()), home, Map.of(), logs);
        kafka.awaitReady(Duration.ofSeconds(90), () -> Probes.isKafka(port));
        return kafka;
    }

    private static List<String> with(List<String> jvm) {
        List<String> options = new ArrayList<>(jvm);
        options.add("-Djava.awt.headless=true");
        options.add(LOGGING);
        return options;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackFailure("no free port for the Kafka controller: " + e.getMessage(), e);
        }
    }

    private static String serverProperties(int port, int advertisedPort, int controllerPort, Path logDir) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%5$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%4$s
                num.partitions=6
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(HOST, port, controllerPort, logDir, advertisedPort);
    }
}
