package io.github.seckill.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    @ParameterizedTest
    @ValueSource(strings = { "", "stack.ha.yaml", "stack.raft.yaml", "stack.ha.yaml,stack.raft.yaml" })
    void dockerStackConfigAcceptsTheStackAndEachVariant(String variants) throws Exception {
        Assumptions.assumeTrue(docker(), "no docker CLI on the PATH: the YAML checks below still run");
        List<String> command = new ArrayList<>(List.of("docker", "stack", "config", "-c", "stack.yaml"));
        for (String variant : variants.isEmpty() ? new String[0] : variants.split(",")) {
            command.addAll(List.of("-c", variant));
        }
        Process process = new ProcessBuilder(command).directory(OpsFiles.root().toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("seckill-api:", "coordinator:", "grafana:");
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
        SERVICES.forEach(s -> assertThat((Map<String, Object>) ha.get(s).get("environment"))
                .containsEntry("SECKILL_KAFKA_BOOTSTRAP", "kafka:9092,kafka-2:9092,kafka-3:9092"));
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

    private static Map<String, Map<String, Object>> services(String file) {
        return (Map<String, Map<String, Object>>) OpsFiles.yaml(OpsFiles.resolve(file)).get("services");
    }

    private static Map<String, Object> deploy(Map<String, Object> service) {
        return (Map<String, Object>) service.get("deploy");
    }

    private static List<String> targets(Map<String, Object> service) {
        return ((List<Map<String, String>>) service.get("configs")).stream().map(c -> c.get("target")).toList();
    }

    private static boolean docker() {
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
