package io.github.seckill.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * stack.yaml and its variants. The Docker CLI, where installed, judges them as {@code docker stack
 * deploy} would ({@code docker stack config}, no engine needed); everywhere, a YAML reading checks
 * what the platform needs from them.
 */
@SuppressWarnings("unchecked")
class StackFileTest {

    private static final List<String> SERVICES = List.of("seckill-api", "admin-service", "order-service",
            "compensation-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(SECKILL_[A-Z_]+):([^}]*)}");

    /**
     * Each deployable combination, merged as {@code docker stack deploy} merges it. The merge appends lists,
     * so a variant that restates a list of stack.yaml's (a healthcheck's test, placement constraints) would
     * double it: the merged result has each once.
     */
    @ParameterizedTest
    @ValueSource(strings = { "", "stack.ha.yaml", "stack.raft.yaml", "stack.ha.yaml,stack.raft.yaml",
            "stack.ha.yaml,stack.cluster.yaml" })
    void dockerStackConfigAcceptsTheStackAndEachVariant(String variants) throws Exception {
        Assumptions.assumeTrue(docker(), "no docker CLI on the PATH: the YAML checks below still run");
        List<String> files = variants.isEmpty() ? List.of() : List.of(variants.split(","));
        // the cluster variant requires the port seckill-api stays published on (stack.cluster.yaml's header)
        Config merged = dockerStackConfig(files.contains("stack.cluster.yaml") ? API_PORT : null, files);
        assertThat(merged.exitValue()).as(merged.errors()).isZero();
        assertThat(merged.output()).contains("seckill-api:", "coordinator:", "grafana:");
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) merged.yaml().get("services");
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
            if (healthcheck != null) {
                List<String> test = (List<String>) healthcheck.get("test");
                assertThat(test).as("%s: healthcheck test", name)
                        .filteredOn(word -> List.of("CMD", "CMD-SHELL", "NONE").contains(word)).hasSize(1);
                if (test.get(0).equals("CMD-SHELL")) {
                    assertThat(test).as("%s: healthcheck test", name).hasSize(2);
                }
            }
            Map<String, Object> placement = (Map<String, Object>) deploy(service).get("placement");
            if (placement != null && placement.get("constraints") != null) {
                assertThat((List<String>) placement.get("constraints")).as("%s: constraints", name).doesNotHaveDuplicates();
            }
        });
    }

    /**
     * A later Compose file cannot take back a port stack.yaml publishes: the cluster variant moves seckill-api to
     * SECKILL_API_PORT, which it requires, and leaves 8080 to HAProxy alone, in host mode.
     */
    @Test
    void clusterVariantLeaves8080ToHaproxyAndRequiresAnotherPortForSeckillApi() throws Exception {
        Assumptions.assumeTrue(docker(), "no docker CLI on the PATH");
        List<String> files = List.of("stack.ha.yaml", "stack.cluster.yaml");
        Config unset = dockerStackConfig(null, files);
        assertThat(unset.exitValue()).isNotZero();
        assertThat(unset.errors()).contains("required variable SECKILL_API_PORT is missing a value");

        Config merged = dockerStackConfig(API_PORT, files);
        assertThat(merged.exitValue()).as(merged.errors()).isZero();
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) merged.yaml().get("services");
        assertThat((List<Map<String, Object>>) services.get("seckill-api").get("ports")).containsExactly(
                Map.of("mode", "ingress", "target", 8080, "published", Integer.parseInt(API_PORT), "protocol", "tcp"));
        assertThat((List<Map<String, Object>>) services.get("haproxy").get("ports")).containsExactly(
                Map.of("mode", "host", "target", 8080, "published", 8080, "protocol", "tcp"));
        services.forEach((name, service) -> {
            List<Map<String, Object>> ports = (List<Map<String, Object>>) service.getOrDefault("ports", List.of());
            if (!name.equals("haproxy")) {
                assertThat(ports).as(name).noneMatch(port -> Integer.valueOf(8080).equals(port.get("published")));
            }
        });
        assertThat((Integer) deploy(services.get("redis")).get("replicas")).isZero();
    }

    @Test
    void theWholePlatformIsThereEachWithAHealthCheckAndLimits() {
        Map<String, Map<String, Object>> services = services("stack.yaml");
        assertThat(services).containsKeys("mysql", "redis", "kafka", "coordinator", "prometheus", "grafana")
                .containsKeys(SERVICES.toArray(String[]::new));
        services.forEach((name, service) -> {
            assertThat(service).as(name).containsKey("healthcheck");
            Map<String, Object> limits = (Map<String, Object>) ((Map<String, Object>) deploy(service).get("resources"))
                    .get("limits");
            assertThat(limits).as(name).containsKeys("cpus", "memory");
        });
        assertThat((String) services.get("mysql").get("image")).startsWith("mysql:8");
    }

    @Test
    void servicesRunReplicatedFromTheirImagesAndUpdateOneAtATimeWithRollback() {
        Map<String, Map<String, Object>> services = services("stack.yaml");
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            assertThat((String) service.get("image"))
                    .isEqualTo("${SECKILL_REGISTRY:-seckill}/" + name + ":${SECKILL_VERSION:-latest}");
            assertThat((Integer) deploy(service).get("replicas")).as(name).isGreaterThanOrEqualTo(2);
            assertThat((Map<String, Object>) deploy(service).get("update_config")).as(name)
                    .containsEntry("parallelism", 1).containsEntry("failure_action", "rollback")
                    .containsEntry("order", "start-first");
            assertThat(((List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test")).get(1))
                    .contains("/actuator/health");
        }
    }

    /** Every setting a service would otherwise take from its local-only default is given, by env or secret. */
    @Test
    void everySecretAndAddressAServiceReadsIsSetAndSecretsComeFromSwarmSecrets() throws IOException {
        Map<String, Object> stack = OpsFiles.yaml(OpsFiles.resolve("stack.yaml"));
        Map<String, Object> declared = (Map<String, Object>) stack.get("secrets");
        for (String name : SERVICES) {
            Map<String, Object> service = services("stack.yaml").get(name);
            List<String> given = new ArrayList<>(((Map<String, Object>) service.get("environment")).keySet());
            for (Map<String, String> secret : (List<Map<String, String>>) service.get("secrets")) {
                assertThat(declared).containsKey(secret.get("source"));
                given.add(secret.get("target"));
            }
            String config = Files.readString(OpsFiles.resolve(name + "/src/main/resources/application.yml"));
            Matcher m = PLACEHOLDER.matcher(config);
            while (m.find()) {
                String variable = m.group(1);
                boolean secretish = variable.matches(".*(PASSWORD|SECRET).*");
                boolean address = variable.matches(".*(HOST|BOOTSTRAP|TC_ADDRESS|_URL)$");
                if (secretish || address) {
                    assertThat(given).as("%s reads %s", name, variable).contains(variable);
                }
                if (secretish) {
                    assertThat((Map<String, Object>) service.get("environment")).as("%s: secrets only as files", name)
                            .doesNotContainKey(variable);
                }
            }
        }
        assertThat(declared.values()).allSatisfy(s -> assertThat((Map<String, Object>) s).containsEntry("external", true));
    }

    @Test
    void configsPointAtTheFilesInTheRepositoryAndWherePrometheusAndGrafanaLookForThem() {
        Map<String, Object> stack = OpsFiles.yaml(OpsFiles.resolve("stack.yaml"));
        ((Map<String, Map<String, String>>) stack.get("configs")).forEach((name, config) -> assertThat(
                OpsFiles.resolve(config.get("file"))).as(name).isRegularFile());
        Map<String, Map<String, Object>> services = services("stack.yaml");
        assertThat(targets(services.get("prometheus"))).contains("/etc/prometheus/prometheus.yml",
                "/etc/prometheus/rules/seckill-alerts.yml");
        assertThat(targets(services.get("grafana"))).contains("/etc/grafana/provisioning/datasources/prometheus.yml",
                "/etc/grafana/provisioning/dashboards/seckill.yml", "/var/lib/grafana/dashboards/sale.json",
                "/var/lib/grafana/dashboards/transactions.json", "/var/lib/grafana/dashboards/compensation.json");
        assertThat((List<String>) services.get("coordinator").get("command")).containsExactly("-p", "8091", "-m", "db");
    }

    @Test
    void haVariantRunsThreeKafkaBrokersInOneQuorumAndPointsEveryServiceAtThem() {
        Map<String, Map<String, Object>> ha = services("stack.ha.yaml");
        assertThat(ha).containsKeys("kafka", "kafka-2", "kafka-3");
        for (String broker : List.of("kafka", "kafka-2", "kafka-3")) {
            assertThat((Map<String, Object>) ha.get(broker).get("environment"))
                    .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2);
        }
        // topics the services create get three replicas too: with one, min.insync.replicas 2 refuses every write
        SERVICES.forEach(s -> assertThat((Map<String, Object>) ha.get(s).get("environment"))
                .containsEntry("SECKILL_KAFKA_BOOTSTRAP", "kafka:9092,kafka-2:9092,kafka-3:9092")
                .containsEntry("SECKILL_TOPICS_REPLICAS", "3"));
    }

    @Test
    void raftVariantRunsThreeAddressableTcsAndOrderServiceFindsThemThroughTheRaftRegistry() {
        Map<String, Map<String, Object>> raft = services("stack.raft.yaml");
        for (String tc : List.of("coordinator", "coordinator-2", "coordinator-3")) {
            assertThat(deploy(raft.get(tc))).containsEntry("endpoint_mode", "dnsrr").containsEntry("replicas", 1);
            assertThat((List<String>) raft.get(tc).get("command")).containsExactly("-h", tc, "-p", "8091", "-m", "raft");
            assertThat((Map<String, Object>) raft.get(tc).get("environment")).containsEntry("SEATA_SERVER_RAFT_SERVER_ADDR",
                    "coordinator:9091,coordinator-2:9091,coordinator-3:9091");
        }
        assertThat((Map<String, Object>) raft.get("order-service").get("environment"))
                .containsEntry("SEATA_REGISTRY_TYPE", "raft");
    }

    private static final String API_PORT = "8090";

    /** What {@code docker stack config} made of stack.yaml and {@code variants}, with SECKILL_API_PORT as given. */
    private static Config dockerStackConfig(String apiPort, List<String> variants) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "stack", "config", "-c", "stack.yaml"));
        variants.forEach(variant -> command.addAll(List.of("-c", variant)));
        Path errors = Files.createTempFile("docker-stack-config", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(OpsFiles.root().toFile())
                    .redirectError(errors.toFile());
            builder.environment().remove("SECKILL_API_PORT");
            if (apiPort != null) {
                builder.environment().put("SECKILL_API_PORT", apiPort);
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
            return new Config(process.exitValue(), output, Files.readString(errors));
        } finally {
            Files.delete(errors);
        }
    }

    private record Config(int exitValue, String output, String errors) {

        Map<String, Object> yaml() {
            return new Yaml(new LoaderOptions()).load(output);
        }
    }

    static Map<String, Map<String, Object>> services(String file) {
        return (Map<String, Map<String, Object>>) OpsFiles.yaml(OpsFiles.resolve(file)).get("services");
    }

    static Map<String, Object> deploy(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("deploy", Map.of());
    }

    private static List<String> targets(Map<String, Object> service) {
        return ((List<Map<String, String>>) service.get("configs")).stream().map(c -> c.get("target")).toList();
    }

    static boolean docker() {
        try {
            return new ProcessBuilder("docker", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
