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
 * A real Kafka broker in KRaft mode (broker and controller in one process), run from the Kafka jars on
 * the launcher's classpath as a child process with its own log: alone, or as one node of a
 * {@link KafkaCluster}.
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
        Node node = new Node(1, port, controllerPort);
        return startNode(stops, home, "kafka", Uuid.randomUuid().toString(), node, List.of(node), advertisedPort, 1,
                jvm, logs);
    }

    /** One node of a KRaft quorum: its id, its clients' port and its controller port. */
    record Node(int id, int port, int controllerPort) {
    }

    /**
     * One node of {@code quorum}, broker and controller in one process, named {@code name} (its log);
     * a node's first start formats its storage with {@code clusterId}. With {@code replicas} > 1, topics
     * and Kafka's own internal topics are kept on that many brokers and a write needs all but one of them
     * ({@code min.insync.replicas}).
     */
    static ChildProcess startNode(Stops stops, Path home, String name, String clusterId, Node node, List<Node> quorum,
            int advertisedPort, int replicas, List<String> jvm, Path logs) {
        Path logDir = home.resolve("data");
        Path config = home.resolve("server.properties");
        try {
            Files.createDirectories(home);
            Files.writeString(config, serverProperties(node, quorum, advertisedPort, replicas, logDir));
        } catch (IOException e) {
            throw new StackFailure("cannot write " + config + ": " + e.getMessage(), e);
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            List<String> format = ChildProcess.javaWithOurClasspath(with(StackSettings.LIGHT_JVM),
                    "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString());
            ChildProcess.start(stops, name + "-format", format, home, Map.of(), logs)
                    .awaitSuccess(Duration.ofSeconds(60));
        }
        ChildProcess kafka = ChildProcess.start(stops, name,
                ChildProcess.javaWithOurClasspath(with(jvm), "kafka.Kafka", config.toString()), home, Map.of(), logs);
        if (quorum.size() == 1) {
            kafka.awaitReady(Duration.ofSeconds(90), () -> Probes.isKafka(node.port()));
        }
        return kafka;
    }

    private static List<String> with(List<String> jvm) {
        List<String> options = new ArrayList<>(jvm);
        options.add("-Djava.awt.headless=true");
        options.add(LOGGING);
        return options;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackFailure("no free port for Kafka: " + e.getMessage(), e);
        }
    }

    /**
     * {@code count} free ports, each a different one: all are held open together while they are read. Taken
     * one after the other, the system may hand out a port it just gave (a cluster's node then found its
     * controller port taken by another node's broker port).
     */
    static int[] freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new StackFailure("no free ports for Kafka: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // the port is free again either way once the process ends
                }
            }
        }
    }

    private static String serverProperties(Node node, List<Node> quorum, int advertisedPort, int replicas,
            Path logDir) {
        String voters = String.join(",", quorum.stream()
                .map(n -> n.id() + "@" + HOST + ":" + n.controllerPort()).toList());
        int inSync = Math.max(1, replicas - 1);
        return """
                process.roles=broker,controller
                node.id=%6$d
                controller.quorum.voters=%7$s
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%5$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%4$s
                num.partitions=6
                default.replication.factor=%8$d
                min.insync.replicas=%9$d
                offsets.topic.replication.factor=%8$d
                transaction.state.log.replication.factor=%8$d
                transaction.state.log.min.isr=%9$d
                group.initial.rebalance.delay.ms=0
                """.formatted(HOST, node.port(), node.controllerPort(), logDir, advertisedPort, node.id(), voters,
                replicas, inSync);
    }
}
