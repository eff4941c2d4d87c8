package io.github.seckill.stack;

import static io.github.seckill.stack.StackSettings.HOST;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * Kafka in KRaft mode on {@code size} nodes, each a broker and a controller in its own process (as
 * Kafka's own combined mode runs), under {@code <home>/<node id>}: topics and Kafka's internal topics on
 * every node by default, a write acknowledged ({@code acks=all}) once all but one hold it. Any one node
 * can die and the cluster goes on: the other two are a controller majority and enough in-sync replicas.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration FORMED = Duration.ofSeconds(120);

    private final Stops stops = new Stops();
    private final Path home;
    private final Path logs;
    private final String clusterId = Uuid.randomUuid().toString();
    private final List<KafkaBroker.Node> quorum = new ArrayList<>();
    private final Map<Integer, ChildProcess> running = new LinkedHashMap<>();
    private final List<String> jvm;

    private KafkaCluster(Path home, List<KafkaBroker.Node> nodes, List<String> jvm, Path logs) {
        this.home = home.toAbsolutePath();
        this.logs = logs.toAbsolutePath();
        this.jvm = jvm;
        quorum.addAll(nodes);
    }

    /** Starts {@code size} nodes on free ports together; returns once every one of them is a broker of the cluster. */
    public static KafkaCluster start(Path home, int size, List<String> jvm, Path logs) {
        int[] ports = KafkaBroker.freePorts(2 * size);
        return start(home, IntStream.rangeClosed(1, size)
                .mapToObj(id -> new KafkaBroker.Node(id, ports[2 * id - 2], ports[2 * id - 1])).toList(), jvm, logs);
    }

    /**
     * Starts the given nodes (ids 1, 2, ... in order) together; returns once every one of them is a broker of
     * the cluster. Started again on the same folder, the nodes keep their data and their cluster.
     */
    static KafkaCluster start(Path home, List<KafkaBroker.Node> nodes, List<String> jvm, Path logs) {
        KafkaCluster cluster = new KafkaCluster(home, nodes, jvm, logs);
        try {
            cluster.quorum.forEach(node -> cluster.running.put(node.id(), cluster.startNode(node)));
            cluster.awaitBrokers(nodes.size());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private ChildProcess startNode(KafkaBroker.Node node) {
        return KafkaBroker.startNode(stops, home.resolve(Integer.toString(node.id())), "kafka-" + node.id(),
                clusterId, node, quorum, node.port(), Math.min(3, quorum.size()), jvm, logs);
    }

    /** {@code host:port,...} of every node: what {@code spring.kafka.bootstrap-servers} takes. */
    public String bootstrapServers() {
        return String.join(",", quorum.stream().map(node -> HOST + ":" + node.port()).toList());
    }

    public List<Integer> nodeIds() {
        return quorum.stream().map(KafkaBroker.Node::id).toList();
    }

    /** SIGKILL of one node; its data stays for {@link #restart}. */
    public void kill(int nodeId) {
        running.remove(nodeId).kill();
    }

    /** The node started again on its data; returns once the cluster counts it a broker again. */
    public void restart(int nodeId) {
        running.put(nodeId, startNode(quorum.get(nodeId - 1)));
        awaitBrokers(quorum.size());
    }

    /** Until the cluster, asked through any live node, has {@code count} brokers. */
    public void awaitBrokers(int count) {
        Awaitility.await(count + " Kafka brokers of " + bootstrapServers()).atMost(FORMED)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> brokers() == count);
    }

    /** Brokers the cluster has now. */
    public int brokers() throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).size();
        }
    }

    /**
     * Stops the nodes together: stopped one after the other, the last would wait for a controller majority
     * that is gone, until killed.
     */
    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (ChildProcess node : running.values()) {
            Thread thread = new Thread(node::stop, "stop-" + node.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stops.stopAll();
    }
}
