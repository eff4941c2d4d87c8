package io.github.seckill.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** grafana/: provisioning and the three dashboards agree with each other and with Prometheus' jobs. */
class GrafanaFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void provisioningDeclaresThePrometheusDatasourceTheDashboardsUse() {
        Map<String, Object> datasource = ((List<Map<String, Object>>) OpsFiles
                .yaml(OpsFiles.resolve("grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0);
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("uid", "prometheus");
        Map<String, Object> provider = ((List<Map<String, Object>>) OpsFiles
                .yaml(OpsFiles.resolve("grafana/provisioning/dashboards/seckill.yml")).get("providers")).get(0);
        assertThat((Map<String, Object>) provider.get("options")).containsEntry("path", "/var/lib/grafana/dashboards");

        for (var file : OpsQueries.dashboards()) {
            for (JsonNode panel : OpsFiles.json(file).path("panels")) {
                assertThat(panel.path("datasource").path("uid").asText()).as("%s %s", file, panel.path("title"))
                        .isEqualTo("prometheus");
                assertThat(panel.path("targets")).as("%s %s has queries", file, panel.path("title")).isNotEmpty();
            }
        }
    }

    @Test
    void threeDashboardsWithUniqueIdsAndAnInstanceVariable() {
        List<String> uids = new ArrayList<>();
        for (var file : OpsQueries.dashboards()) {
            JsonNode dashboard = OpsFiles.json(file);
            uids.add(dashboard.path("uid").asText());
            List<String> variables = new ArrayList<>();
            dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
            assertThat(variables).as(file.toString()).contains("instance");
        }
        assertThat(uids).containsExactlyInAnyOrder("seckill-compensation", "seckill-sale", "seckill-transactions");
    }

    @Test
    void theSaleDashboardShowsWhatTheSaleNeeds() {
        JsonNode sale = OpsFiles.json(OpsFiles.resolve("grafana/dashboards/sale.json"));
        List<String> variables = new ArrayList<>();
        sale.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        assertThat(variables).containsExactly("instance", "sale");
        assertThat(sale.toString()).contains("seckill_purchase_requests_total", "seckill_purchase_latency_seconds_bucket",
                "seckill_stock_remaining", "seckill_soldout_flag_hits_total", "seckill_rate_limit_refusals_total");
    }

    @Test
    void everyPanelQueryFiltersByTheChosenInstanceOrNeedsNoFilter() {
        for (Query q : OpsQueries.panels()) {
            String expr = q.expr();
            boolean perReplica = expr.contains("$instance");
            // gauges computed by one runner for the whole platform are the same on every replica
            boolean platformWide = expr.matches(".*(seckill_stock_remaining|seckill_stock_drift|seckill_tx_hanging).*");
            assertThat(perReplica || platformWide).as(q.source() + ": " + expr).isTrue();
        }
    }
}
