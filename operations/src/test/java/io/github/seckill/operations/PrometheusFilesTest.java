package io.github.seckill.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prometheus/: both scrape configs, the alert rules, their unit tests and runbooks, every query's syntax. */
class PrometheusFilesTest {

    private static final Map<String, Integer> SERVICES = Map.of("seckill-api", 8080, "admin-service", 8081,
            "order-service", 8082, "compensation-service", 8083);

    @Test
    void bothScrapeConfigsAndTheirRulesPassPromtool() {
        assumeTrue(Promtool.installed(), Promtool.MISSING);
        for (String config : List.of("prometheus/prometheus.yml", "prometheus/prometheus-local.yml")) {
            Promtool.Result result = Promtool.run(OpsFiles.root(), "check", "config", config);
            assertThat(result.ok()).as("promtool check config %s:%n%s", config, result.output()).isTrue();
            assertThat(result.output()).contains("SUCCESS: 12 rules found");
        }
    }

    @Test
    void alertUnitTestsPass() {
        assumeTrue(Promtool.installed(), Promtool.MISSING);
        Promtool.Result result = Promtool.run(OpsFiles.root(), "test", "rules",
                "prometheus/tests/seckill-alerts.test.yml");
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasAUnitTestThatSeesItFire() {
        Map<String, Object> tests = OpsFiles.yaml(OpsFiles.resolve("prometheus/tests/seckill-alerts.test.yml"));
        Set<String> fired = ((List<Map<String, Object>>) tests.get("tests")).stream()
                .flatMap(t -> ((List<Map<String, Object>>) t.get("alert_rule_test")).stream())
                .filter(a -> !((List<?>) a.get("exp_alerts")).isEmpty()).map(a -> (String) a.get("alertname"))
                .collect(Collectors.toSet());
        assertThat(fired).containsExactlyInAnyOrderElementsOf(
                OpsQueries.alertRules().stream().map(r -> (String) r.get("alert")).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertCarriesItsRunbookAndItsSectionInTheOperationsGuideExists() throws Exception {
        String guide = Files.readString(OpsFiles.resolve("docs/operations.md"));
        for (Map<String, Object> rule : OpsQueries.alertRules()) {
            Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
            assertThat(annotations).as("alert %s", rule.get("alert"))
                    .containsKeys("summary", "description", "look_at", "action", "runbook");
            assertThat(((Map<String, String>) rule.get("labels")).get("severity")).isIn("warning", "critical");
            String name = (String) rule.get("alert");
            assertThat(annotations.get("runbook")).isEqualTo("docs/operations.md#" + name.toLowerCase(Locale.ROOT));
            assertThat(guide).as("docs/operations.md has a section for %s", name).contains("### " + name + "\n");
        }
    }

    @Test
    void everyDashboardAndAlertQueryParses(@TempDir Path dir) throws Exception {
        List<Query> queries = OpsQueries.all();
        assertThat(queries).hasSizeGreaterThan(30);
        List<String> lines = new ArrayList<>(List.of("groups:", "  - name: parse-check", "    rules:"));
        int n = 0;
        for (Query q : queries) {
            for (String expr : new java.util.LinkedHashSet<>(List.of(q.evaluable("1m"), q.signal("1m")))) {
                lines.add("      - record: parse_check_" + n++);
                lines.add("        expr: '" + expr.replace("'", "''").replace("\n", " ") + "'");
            }
        }
        Files.write(dir.resolve("queries.yml"), lines);
        assumeTrue(Promtool.installed(), Promtool.MISSING);
        Promtool.Result result = Promtool.run(dir, "check", "rules", "queries.yml");
        assertThat(result.ok()).as(result.output()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void swarmConfigFindsEveryReplicaOfEveryServiceAndLocalConfigTheirStandardPorts() {
        Map<String, Map<String, Object>> swarm = jobs("prometheus/prometheus.yml");
        Map<String, Map<String, Object>> local = jobs("prometheus/prometheus-local.yml");
        SERVICES.forEach((service, port) -> {
            Map<String, Object> sd = ((List<Map<String, Object>>) swarm.get(service).get("dns_sd_configs")).get(0);
            assertThat(sd).containsEntry("names", List.of("tasks." + service)).containsEntry("port", port);
            assertThat(swarm.get(service)).containsEntry("metrics_path", "/actuator/prometheus");
            Map<String, Object> targets = ((List<Map<String, Object>>) local.get(service).get("static_configs")).get(0);
            assertThat(targets).containsEntry("targets", List.of("127.0.0.1:" + port));
            assertThat(local.get(service)).containsEntry("metrics_path", "/actuator/prometheus");
        });
        assertThat(swarm).containsKey("seata-tc");
        assertThat(local).containsKey("seata-tc");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> jobs(String file) {
        return ((List<Map<String, Object>>) OpsFiles.yaml(OpsFiles.resolve(file)).get("scrape_configs")).stream()
                .collect(Collectors.toMap(j -> (String) j.get("job_name"), j -> j));
    }
}
