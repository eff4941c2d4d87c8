package io.github.seckill.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** Every PromQL expression the ops view runs: each dashboard panel's targets and each alert rule. */
public final class OpsQueries {

    private OpsQueries() {
    }

    public static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(OpsFiles.resolve("grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> ruleFiles() {
        try (Stream<Path> files = Files.list(OpsFiles.resolve("prometheus/rules"))) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Query> panels() {
        List<Query> queries = new ArrayList<>();
        for (Path file : dashboards()) {
            for (JsonNode panel : OpsFiles.json(file).path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(file.getFileName() + ": " + panel.path("title").asText() + " ["
                            + target.path("refId").asText() + "]", target.path("expr").asText(), false));
                }
            }
        }
        return queries;
    }

    /** The alert rules, as parsed maps (alert, expr, for, labels, annotations). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path file : ruleFiles()) {
            for (Map<String, Object> group : (List<Map<String, Object>>) OpsFiles.yaml(file).get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
        }
        return rules;
    }

    public static List<Query> alerts() {
        return alertRules().stream()
                .map(r -> new Query("alert " + r.get("alert"), r.get("expr").toString(), true)).toList();
    }

    public static List<Query> all() {
        return Stream.concat(panels().stream(), alerts().stream()).toList();
    }
}
