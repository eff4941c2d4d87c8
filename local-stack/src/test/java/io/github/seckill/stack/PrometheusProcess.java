package io.github.seckill.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.operations.OpsFiles;
import io.github.seckill.operations.OpsQueries;
import io.github.seckill.operations.Promtool;
import io.github.seckill.testsupport.Endpoint;

/**
 * A real Prometheus (the binary of Debian's prometheus package) on loopback and a free port,
 * scraping the given jobs every second with the repository's alert rules loaded.
 */
final class PrometheusProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Jobs by name: job name to {metrics path, host:port}. */
    static PrometheusProcess start(Path home, Map<String, List<String>> jobs) throws IOException {
        Files.createDirectories(home);
        List<String> config = new ArrayList<>(List.of("global:", "  scrape_interval: 1s",
                "  evaluation_interval: 1s", "rule_files:"));
        OpsQueries.ruleFiles().forEach(f -> config.add("  - " + f.toAbsolutePath()));
        config.add("scrape_configs:");
        jobs.forEach((job, target) -> {
            config.add("  - job_name: " + job);
            config.add("    metrics_path: " + target.get(0));
            config.add("    static_configs: [{targets: ['" + target.get(1) + "']}]");
        });
        Path file = home.resolve("prometheus.yml");
        Files.write(file, config);
        int port = Endpoint.freePort();
        Process process = new ProcessBuilder(Promtool.server().toString(), "--config.file=" + file,
                "--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .directory(OpsFiles.root().toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("prometheus.log").toFile()).start();
        PrometheusProcess prometheus = new PrometheusProcess(process, URI.create("http://127.0.0.1:" + port));
        Awaitility.await("Prometheus ready (log: " + home + ")").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(250)).failFast(() -> !process.isAlive())
                .until(() -> prometheus.status("/-/ready") == 200);
        return prometheus;
    }

    /** An instant query's answer: {@code status} and {@code data.result}. */
    JsonNode query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
