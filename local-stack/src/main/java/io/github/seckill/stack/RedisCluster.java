package io.github.seckill.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.core.RedisServerBuilder;

/**
 * A Redis Cluster of embedded-redis's server (6.2): {@code masters} masters sharing the 16,384 slots
 * evenly, each with {@code replicas} replicas, every node persisted (append-only file) under
 * {@code <home>/<port>}. The launcher forms the cluster itself over the nodes' own commands (as
 * {@code redis-cli --cluster create} does: a distinct config epoch each, MEET, ADDSLOTS, REPLICATE), so
 * nothing but a JDK is needed. Started again on the same folder, the nodes read their {@code nodes.conf}
 * and are a cluster already.
 */
public final class RedisCluster implements AutoCloseable {

    static final int SLOTS = 16_384;
    private static final Duration FORMED = Duration.ofSeconds(60);

    private final Stops stops = new Stops();
    private final Path home;
    private final Path logs;
    private final List<Integer> ports;
    private final int masters;
    private final Map<Integer, ChildProcess> nodes = new LinkedHashMap<>();

    private RedisCluster(Path home, List<Integer> ports, int masters, Path logs) {
        this.home = home.toAbsolutePath();
        this.ports = List.copyOf(ports);
        this.masters = masters;
        this.logs = logs;
    }

    /**
     * Starts the nodes (their logs {@code <logs>/redis-<port>.log}) and forms the cluster, or finds it formed.
     * The first {@code masters} ports are the masters; the others replicate them in turn.
     */
    public static RedisCluster start(Path home, List<Integer> ports, int masters, Path logs) {
        if (masters < 3 || ports.size() < masters) {
            throw new StackFailure("a Redis Cluster needs 3 masters or more, and a port for each node");
        }
        RedisCluster cluster = new RedisCluster(home, ports, masters, logs);
        try {
            cluster.startAll();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startAll() {
        for (int port : ports) {
            nodes.put(port, startNode(port));
        }
        for (int port : ports) {
            nodes.get(port).awaitReady(Duration.ofSeconds(20), () -> Probes.isRedis(port));
        }
        // started again on its folder, a node knows the others from its nodes.conf: the cluster forms again by
        // itself once they have heard from each other
        if (!formed() && !knownBefore()) {
            try {
                form();
            } catch (JedisException e) {
                throw new StackFailure("cannot form the Redis Cluster on ports " + ports + ": " + e.getMessage(), e);
            }
        }
        awaitFormed();
    }

    private boolean knownBefore() {
        return ports.stream().anyMatch(port -> {
            try (Jedis node = new Jedis(StackSettings.HOST, port, 2_000)) {
                return !node.clusterInfo().contains("cluster_known_nodes:1\r");
            }
        });
    }

    /** Until every node sees every slot served and each master replicated. */
    public void awaitFormed() {
        Awaitility.await("Redis Cluster on ports " + ports + " serving every slot, each master replicated")
                .atMost(FORMED).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(this::formed);
    }

    /** The command line of one cluster node: what {@link EmbeddedRedis} runs, with the cluster on. */
    static List<String> nodeCommand(Path home, int port) {
        try {
            Files.createDirectories(home.resolve("bin"));
            return new RedisServerBuilder()
                    .executableProvider(ExecutableProvider.newJarResourceProvider(home.resolve("bin").toFile()))
                    .bind(StackSettings.HOST)
                    .port(port)
                    .setting("dir \"" + home + "\"")
                    .setting("appendonly yes")
                    .setting("cluster-enabled yes")
                    .setting("cluster-config-file nodes.conf")
                    // a master silent this long is failed over to its replica
                    .setting("cluster-node-timeout 3000")
                    .buildCommandArgs();
        } catch (IOException e) {
            throw new StackFailure("cannot unpack the embedded Redis: " + e.getMessage(), e);
        }
    }

    private ChildProcess startNode(int port) {
        Path dir = home.resolve(Integer.toString(port));
        return ChildProcess.start(stops, "redis-" + port, nodeCommand(dir, port), dir, Map.of(), logs);
    }

    /** SIGKILL of the node on {@code port}; its data stays for {@link #restart}. */
    public void kill(int port) {
        nodes.get(port).kill();
    }

    /** The process id of the node on {@code port}, for a signal that is not a kill (SIGSTOP, SIGCONT). */
    public long pid(int port) {
        return nodes.get(port).pid();
    }

    /** The ports of the nodes replicating the master on {@code masterPort}, as that master sees them. */
    public List<Integer> replicasOf(int masterPort) {
        try (Jedis master = new Jedis(StackSettings.HOST, masterPort, 2_000)) {
            String id = master.clusterMyId();
            return master.clusterNodes().lines().map(line -> line.split(" "))
                    .filter(f -> f[3].equals(id) && f[2].contains("slave"))
                    .map(f -> Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@'))))
                    .toList();
        }
    }

    /** The node on {@code port} started again on its data (its append-only file and nodes.conf). */
    public void restart(int port) {
        ChildProcess again = startNode(port);
        nodes.put(port, again);
        again.awaitReady(Duration.ofSeconds(20), () -> Probes.isRedis(port));
    }

    /** Until every replica of the master on {@code port} has all it wrote (its replication offset). */
    public void awaitReplicated(int port) {
        Awaitility.await("replicas of " + port + " caught up").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    try (Jedis master = new Jedis(StackSettings.HOST, port, 2_000)) {
                        String info = master.info("replication");
                        String offset = field(info, "master_repl_offset");
                        List<String> replicas = info.lines().filter(line -> line.matches("slave\\d+:.*")).toList();
                        return !replicas.isEmpty() && replicas.stream().allMatch(r -> r.contains(",offset=" + offset + ","));
                    }
                });
    }

    private static String field(String info, String name) {
        return info.lines().filter(line -> line.startsWith(name + ":")).map(line -> line.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " in INFO"));
    }

    /** The port of the master serving {@code slot}, as the node on {@code askedPort} sees it. */
    public int masterOf(int slot, int askedPort) {
        try (Jedis node = new Jedis(StackSettings.HOST, askedPort, 2_000)) {
            for (String line : node.clusterNodes().lines().toList()) {
                String[] f = line.split(" ");
                if (!f[2].contains("master") || f[2].contains("fail")) {
                    continue;
                }
                for (int i = 8; i < f.length; i++) {
                    String[] range = f[i].split("-");
                    if (range[0].startsWith("[")) {
                        continue; // a slot being migrated
                    }
                    int from = Integer.parseInt(range[0]);
                    int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                    if (slot >= from && slot <= to) {
                        return Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
                    }
                }
            }
        }
        throw new IllegalStateException("no master serves slot " + slot + " as port " + askedPort + " sees it");
    }

    /**
     * True when the node on {@code askedPort} holds the node on {@code deadPort} failed and the cluster ok:
     * a replica serves what the dead node served, if it was a master.
     */
    public boolean servedWithout(int deadPort, int askedPort) {
        try (Jedis node = new Jedis(StackSettings.HOST, askedPort, 2_000)) {
            // "fail", agreed by the masters, not "fail?" (one node's suspicion): only then does a replica take over
            return node.clusterInfo().contains("cluster_state:ok") && node.clusterNodes().lines()
                    .map(line -> line.split(" "))
                    .anyMatch(f -> f[1].startsWith(StackSettings.HOST + ":" + deadPort + "@")
                            && List.of(f[2].split(",")).contains("fail"));
        }
    }

    /**
     * The ports of the nodes on which a client named {@code clientName} (CLIENT SETNAME) holds a
     * subscription to at least one channel; a node that does not answer is passed over.
     */
    public List<Integer> subscribedAt(String clientName) {
        List<Integer> at = new ArrayList<>();
        for (int port : ports) {
            try (Jedis node = new Jedis(StackSettings.HOST, port, 2_000)) {
                if (node.clientList().lines().anyMatch(client -> (" " + client + " ").contains(" name=" + clientName + " ")
                        && !client.contains(" sub=0 "))) {
                    at.add(port);
                }
            } catch (JedisException e) {
                // down: nothing subscribed there
            }
        }
        return at;
    }

    @Override
    public void close() {
        stops.stopAll();
    }

    /**
     * {@code count} ports free now whose cluster bus ports (each plus 10,000) are free too: from 20,000 to
     * 29,999, below the ephemeral ports a client's connection might take meanwhile.
     */
    public static List<Integer> freePorts(int count) {
        List<Integer> ports = new ArrayList<>();
        int first = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9_000);
        for (int port = first; ports.size() < count; port = port + 1 < 30_000 ? port + 1 : 20_000) {
            if (free(port) && free(port + 10_000)) {
                ports.add(port);
            }
            if (port + 1 == first) {
                throw new StackFailure("no " + count + " free ports for a Redis Cluster between 20000 and 29999");
            }
        }
        return ports;
    }

    private static boolean free(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new java.net.InetSocketAddress(StackSettings.HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code host:port,host:port,...}: what {@code spring.data.redis.cluster.nodes} takes. */
    public String nodesSetting() {
        return String.join(",", ports.stream().map(port -> StackSettings.HOST + ":" + port).toList());
    }

    public List<Integer> ports() {
        return ports;
    }

    /** Every node sees the cluster ok, all slots served, and as many replicas as asked. */
    boolean formed() {
        for (int port : ports) {
            try (Jedis node = new Jedis(StackSettings.HOST, port, 2_000)) {
                String info = node.clusterInfo();
                if (!info.contains("cluster_state:ok") || !info.contains("cluster_slots_assigned:" + SLOTS)
                        || !info.contains("cluster_known_nodes:" + ports.size())) {
                    return false;
                }
                long replicas = node.clusterNodes().lines()
                        .filter(line -> line.split(" ")[2].contains("slave") && !line.contains("fail")).count();
                if (replicas != ports.size() - masters) {
                    return false;
                }
            }
        }
        return true;
    }

    private void form() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            try (Jedis node = new Jedis(StackSettings.HOST, ports.get(i), 5_000)) {
                // distinct epochs from the start, as redis-cli gives them: no collision to resolve later
                node.sendCommand(Protocol.Command.CLUSTER, "SET-CONFIG-EPOCH", Integer.toString(i + 1));
                ids.add(node.clusterMyId());
            }
        }
        try (Jedis first = new Jedis(StackSettings.HOST, ports.get(0), 5_000)) {
            for (int port : ports.subList(1, ports.size())) {
                first.clusterMeet(StackSettings.HOST, port);
            }
        }
        for (int m = 0; m < masters; m++) {
            int from = SLOTS * m / masters;
            int to = SLOTS * (m + 1) / masters;
            try (Jedis master = new Jedis(StackSettings.HOST, ports.get(m), 5_000)) {
                master.clusterAddSlots(IntStream.range(from, to).toArray());
            }
        }
        // a replica can follow its master only once it knows it
        Awaitility.await("every Redis node knowing the others").atMost(FORMED).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> ports.stream().allMatch(this::knowsAll));
        for (int r = masters; r < ports.size(); r++) {
            try (Jedis replica = new Jedis(StackSettings.HOST, ports.get(r), 5_000)) {
                replica.clusterReplicate(ids.get((r - masters) % masters));
            }
        }
    }

    private boolean knowsAll(int port) {
        try (Jedis node = new Jedis(StackSettings.HOST, port, 2_000)) {
            return node.clusterNodes().lines().filter(line -> !line.contains("handshake")).count() == ports.size();
        }
    }
}
