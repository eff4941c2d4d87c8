package io.github.seckill.operations;

import static io.github.seckill.operations.StackFileTest.deploy;
import static io.github.seckill.operations.StackFileTest.services;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * stack.cluster.yaml, read as YAML: what local-stack's {@code run.sh --cluster} runs (a Redis Cluster of 3+3,
 * two TCs on the db store, HAProxy in front of seckill-api), as Swarm services.
 */
@SuppressWarnings("unchecked")
class ClusterStackFileTest {

    private static final List<String> SERVICES = List.of("seckill-api", "admin-service", "order-service",
            "compensation-service");
    private static final List<String> REDIS = IntStream.rangeClosed(1, 6).mapToObj(n -> "redis-" + n).toList();
    private static final String INIT_SCRIPT = "/usr/local/bin/redis-cluster-init.sh";

    private final Map<String, Object> cluster = OpsFiles.yaml(OpsFiles.resolve("stack.cluster.yaml"));
    private final Map<String, Map<String, Object>> services = services("stack.cluster.yaml");

    @Test
    void sixRedisNodesInClusterModeEachAnnouncingItsNameWithItsOwnVolumeAndAddress() {
        List<String> volumes = new ArrayList<>();
        for (String node : REDIS) {
            Map<String, Object> service = services.get(node);
            assertThat(service.get("image")).as(node).isEqualTo("redis:7.2");
            List<String> command = command(service);
            assertThat(command.get(0)).isEqualTo("redis-server");
            assertThat(option(command, "--cluster-enabled")).as(node).isEqualTo("yes");
            assertThat(option(command, "--cluster-config-file")).as(node).isEqualTo("nodes.conf");
            assertThat(option(command, "--cluster-node-timeout")).as(node).isEqualTo("5000");
            // clients and redirects name the node, whose task address changes with every new task
            assertThat(option(command, "--cluster-announce-hostname")).as(node).isEqualTo(node);
            assertThat(option(command, "--cluster-preferred-endpoint-type")).as(node).isEqualTo("hostname");
            // as stack.yaml's single Redis: every key is state
            assertThat(option(command, "--appendonly")).as(node).isEqualTo("yes");
            assertThat(option(command, "--maxmemory")).as(node).isEqualTo("768mb");
            assertThat(option(command, "--maxmemory-policy")).as(node).isEqualTo("noeviction");
            assertThat(deploy(service)).as(node).containsEntry("endpoint_mode", "dnsrr").containsEntry("replicas", 1);
            assertThat((Map<String, Object>) deploy(service).get("update_config")).as(node)
                    .containsEntry("order", "stop-first");
            assertThat((List<String>) service.get("volumes")).as(node).containsExactly(node + "-data:/data");
            volumes.add(node + "-data");
            assertThat(limits(service)).as(node).containsKeys("cpus", "memory");
            assertThat(service).as(node).containsKey("healthcheck");
        }
        assertThat((Map<String, Object>) cluster.get("volumes")).containsKeys(volumes.toArray(String[]::new));
        // stack.yaml's Redis cannot be deleted by a later file: it runs no task
        assertThat(deploy(services.get("redis"))).containsEntry("replicas", 0);
    }

    /** redis-N+3 replicates redis-N (stack/redis/cluster-init.sh): never in the same zone, and two nodes a zone. */
    @Test
    void aMasterAndItsReplicaNeverShareAZone() {
        Map<String, String> zones = new HashMap<>();
        for (String node : REDIS) {
            List<String> constraints = constraints(services.get(node));
            assertThat(constraints).as(node).contains("node.labels.seckill.data == true");
            List<String> zone = constraints.stream().filter(c -> c.startsWith("node.labels.seckill.zone == "))
                    .map(c -> c.substring("node.labels.seckill.zone == ".length())).toList();
            assertThat(zone).as(node).hasSize(1);
            zones.put(node, zone.get(0));
        }
        for (int n = 1; n <= 3; n++) {
            assertThat(zones.get("redis-" + n)).as("redis-%d and its replica redis-%d", n, n + 3)
                    .isNotEqualTo(zones.get("redis-" + (n + 3)));
        }
        assertThat(zones.values()).containsExactlyInAnyOrder("a", "a", "b", "b", "c", "c");
    }

    @Test
    void theInitJobFormsTheClusterOfTheSixNodesOnceThenExits() throws IOException {
        Map<String, Object> init = services.get("redis-cluster-init");
        assertThat(init.get("image")).isEqualTo("redis:7.2");
        assertThat(command(init)).containsExactly("sh", INIT_SCRIPT, "redis-1:6379", "redis-2:6379", "redis-3:6379",
                "redis-4:6379", "redis-5:6379", "redis-6:6379");
        assertThat((List<Map<String, Object>>) init.get("configs"))
                .containsExactly(Map.of("source", "redis_cluster_init", "target", INIT_SCRIPT));
        assertThat((Map<String, Object>) deploy(init).get("restart_policy")).containsEntry("condition", "on-failure")
                .containsEntry("max_attempts", 5);
        assertThat(deploy(init)).containsEntry("replicas", 1);

        String script = Files.readString(OpsFiles.resolve(config("redis_cluster_init")));
        // created only when every node is in no cluster yet; the masters are the first half of the arguments
        assertThat(script).contains("if [ \"$alone\" -eq $# ]; then",
                "redis-cli --cluster create \"$@\" --cluster-replicas 1 --cluster-yes",
                "eval \"replica=\\${$((k + half))}\"",
                "cli \"$replica\" cluster replicate \"$master_id\"");
        assertThat(script.indexOf("redis-cli --cluster create \"$@\"")).isGreaterThan(script.indexOf("alone=0"));
    }

    @Test
    void twoTcsOnTheDbStoreEachNamedByItsServiceWithItsOwnServerNode() {
        Map<String, Map<String, Object>> base = services("stack.yaml");
        List<String> nodes = new ArrayList<>();
        for (String tc : List.of("coordinator", "coordinator-2")) {
            List<String> command = command(services.get(tc));
            assertThat(command).as(tc).containsExactly("-h", tc, "-p", "8091", "-m", "db", "-n", option(command, "-n"));
            nodes.add(option(command, "-n"));
            assertThat(deploy(services.get(tc))).as(tc).containsEntry("endpoint_mode", "dnsrr")
                    .containsEntry("replicas", 1);
            // two tasks of one server node never run together
            assertThat((Map<String, Object>) deploy(services.get(tc)).get("update_config")).as(tc)
                    .containsEntry("order", "stop-first");
            assertThat((Map<String, Object>) deploy(services.get(tc)).get("rollback_config")).as(tc)
                    .containsEntry("order", "stop-first");
        }
        assertThat(nodes).containsExactly("1", "2");
        // coordinator-2 is stack.yaml's coordinator on the same store; coordinator keeps stack.yaml's own
        Map<String, Object> second = services.get("coordinator-2");
        Map<String, Object> first = base.get("coordinator");
        assertThat(second.get("image")).isEqualTo(first.get("image"));
        assertThat((Map<String, Object>) second.get("environment")).isEqualTo(first.get("environment"))
                .containsEntry("SPRING_PROFILES_ACTIVE", "db");
        assertThat((List<Object>) second.get("secrets")).isEqualTo(first.get("secrets"));
        assertThat((Map<String, Object>) second.get("healthcheck")).isEqualTo(first.get("healthcheck"));
        assertThat(services.get("coordinator")).doesNotContainKeys("environment", "secrets", "healthcheck", "image");
    }

    @Test
    void everyServiceUsesTheRedisClusterAndListsBothTcsSeparatedBySemicolons() throws IOException {
        String nodes = String.join(",", REDIS.stream().map(node -> node + ":6379").toList());
        for (String name : SERVICES) {
            assertThat(environment(services.get(name))).as(name)
                    .containsEntry("SPRING_DATA_REDIS_CLUSTER_NODES", nodes)
                    .containsEntry("SECKILL_TC_ADDRESS", "coordinator:8091;coordinator-2:8091");
        }
        // each address is a TC service whose name resolves to its task
        for (String address : ((String) environment(services.get("order-service")).get("SECKILL_TC_ADDRESS")).split(";")) {
            String tc = address.substring(0, address.indexOf(':'));
            assertThat(deploy(services.get(tc))).as(address).containsEntry("endpoint_mode", "dnsrr");
            assertThat(command(services.get(tc))).as(address).containsSequence("-h", tc)
                    .containsSequence("-p", address.substring(address.indexOf(':') + 1));
        }
        assertThat(Files.readString(OpsFiles.resolve("order-service/src/main/resources/application.yml")))
                .contains("default: ${SECKILL_TC_ADDRESS:");
        assertThat(environment(services.get("seckill-api"))).containsEntry("SECKILL_PURCHASE_REPLICA_ACKS", "1");
        SERVICES.stream().filter(name -> !name.equals("seckill-api")).forEach(name -> assertThat(
                environment(services.get(name))).as(name).doesNotContainKey("SECKILL_PURCHASE_REPLICA_ACKS"));
    }

    @Test
    void haproxyPublishes8080InHostModeAndBalancesOverTheSeckillApiTasks() throws IOException {
        Map<String, Object> haproxy = services.get("haproxy");
        assertThat(haproxy.get("image")).isEqualTo("haproxy:2.6");
        assertThat((List<Map<String, Object>>) haproxy.get("ports")).containsExactly(
                Map.of("target", 8080, "published", 8080, "protocol", "tcp", "mode", "host"));
        assertThat((List<String>) haproxy.get("networks")).containsExactly("edge");
        assertThat((List<Map<String, Object>>) haproxy.get("configs"))
                .containsExactly(Map.of("source", "haproxy_config", "target", "/usr/local/etc/haproxy/haproxy.cfg"));
        assertThat(deploy(haproxy)).containsEntry("mode", "global");
        assertThat(constraints(haproxy)).containsExactly("node.labels.seckill.edge == true");
        assertThat((Map<String, Object>) deploy(haproxy).get("update_config")).containsEntry("order", "stop-first");
        assertThat(limits(haproxy)).containsKeys("cpus", "memory");
        assertThat(haproxy).containsKey("healthcheck");

        List<String> config = Files.readAllLines(OpsFiles.resolve(config("haproxy_config"))).stream()
                .map(String::strip).toList();
        assertThat(config).contains("bind :8080", "option forwardfor", "option httpchk GET /actuator/health",
                "http-check expect status 200", "resolvers docker", "nameserver swarm 127.0.0.11:53",
                "server-template seckill-api 6 tasks.seckill-api:8080 check resolvers docker init-addr none");
    }

    /** HAProxy reaches seckill-api over "edge", and seckill-api believes X-Forwarded-For from that subnet only. */
    @Test
    void seckillApiTrustsForwardedAddressesFromTheEdgeNetworkOnly() {
        Map<String, Object> edge = ((Map<String, Map<String, Object>>) cluster.get("networks")).get("edge");
        assertThat(edge).containsEntry("driver", "overlay").doesNotContainKey("attachable");
        List<Map<String, String>> subnets = (List<Map<String, String>>) ((Map<String, Object>) edge.get("ipam"))
                .get("config");
        assertThat(subnets).containsExactly(Map.of("subnet", "10.231.0.0/24"));

        String trusted = (String) environment(services.get("seckill-api")).get("SECKILL_TRUSTED_PROXIES");
        assertThat(trusted).isEqualTo("10\\.231\\.0\\.\\d+");
        // the /24's first three octets, any last one
        String subnet = subnets.get(0).get("subnet");
        assertThat(subnet).endsWith(".0/24");
        String prefix = subnet.substring(0, subnet.length() - ".0/24".length());
        assertThat(trusted).isEqualTo(prefix.replace(".", "\\.") + "\\.\\d+");
        Pattern pattern = Pattern.compile(trusted);
        assertThat(List.of("10.231.0.2", "10.231.0.254")).allMatch(a -> pattern.matcher(a).matches());
        assertThat(List.of("10.231.1.2", "10.0.0.2", "10.231.0.2.9", "110.231.0.2", "10x231x0x2"))
                .noneMatch(a -> pattern.matcher(a).matches());

        assertThat((List<String>) services.get("seckill-api").get("networks")).containsExactly("seckill", "edge");
        services.forEach((name, service) -> {
            if (!name.equals("haproxy") && !name.equals("seckill-api")) {
                assertThat((List<String>) service.getOrDefault("networks", List.of())).as(name).doesNotContain("edge");
            }
        });
    }

    /** stack.yaml's 8080 cannot be taken back by a later file: there it is a port the cluster variant sets. */
    @Test
    void seckillApiIsPublishedOnAPortTheClusterVariantRequires() {
        assertThat((List<String>) services("stack.yaml").get("seckill-api").get("ports"))
                .containsExactly("${SECKILL_API_PORT:-8080}:8080");
        Map<String, String> labels = (Map<String, String>) deploy(services.get("seckill-api")).get("labels");
        assertThat(labels.get("seckill.published-port")).startsWith("${SECKILL_API_PORT:?");
        assertThat(services.get("seckill-api")).doesNotContainKey("ports");
    }

    @Test
    void theOverlaysConfigsAreFilesOfTheRepositoryNamedWithTheConfigVersion() {
        ((Map<String, Map<String, String>>) cluster.get("configs")).forEach((name, config) -> {
            assertThat(OpsFiles.resolve(config.get("file"))).as(name).isRegularFile();
            assertThat(config.get("name")).as(name).endsWith("_${SECKILL_CONFIG_VERSION:-1}");
        });
    }

    private String config(String name) {
        return ((Map<String, Map<String, String>>) cluster.get("configs")).get(name).get("file");
    }

    private static List<String> command(Map<String, Object> service) {
        return (List<String>) service.get("command");
    }

    /** The word after {@code flag} in a command. */
    private static String option(List<String> command, String flag) {
        int at = command.indexOf(flag);
        assertThat(at).as("%s in %s", flag, command).isNotNegative().isLessThan(command.size() - 1);
        return command.get(at + 1);
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    private static List<String> constraints(Map<String, Object> service) {
        return (List<String>) ((Map<String, Object>) deploy(service).get("placement")).get("constraints");
    }

    private static Map<String, Object> limits(Map<String, Object> service) {
        return (Map<String, Object>) ((Map<String, Object>) deploy(service).get("resources")).get("limits");
    }
}
