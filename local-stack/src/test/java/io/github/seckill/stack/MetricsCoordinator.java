package io.github.seckill.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import io.github.seckill.testsupport.Endpoint;
import io.github.seckill.testsupport.ServiceProcess;

/**
 * A Seata TC from the coordinator jar with its Prometheus exporter on (TestServers' shared TC has it
 * off, since two exporters on one port clash), on free ports.
 */
final class MetricsCoordinator implements AutoCloseable {

    private final Process process;
    private final Endpoint endpoint;
    private final int metricsPort;

    private MetricsCoordinator(Process process, Endpoint endpoint, int metricsPort) {
        this.process = process;
        this.endpoint = endpoint;
        this.metricsPort = metricsPort;
    }

    static MetricsCoordinator start(Path home) throws IOException {
        Files.createDirectories(home);
        Endpoint endpoint = new Endpoint("127.0.0.1", Endpoint.freePort());
        int metricsPort = Endpoint.freePort();
        Path jar = ServiceProcess.repoRoot().resolve("coordinator/target/seckill-coordinator.jar");
        // Spring settings as -D: the server aborts on --key=value arguments.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dserver.port=" + Endpoint.freePort(),
                "-Dserver.tomcat.basedir=" + home.resolve("tomcat"),
                "-Dseata.store.file.dir=" + home.resolve("store"),
                "-Dlogging.file.path=" + home.resolve("logs"),
                "-Dlogging.path=" + home.resolve("logs"),
                "-Dseata.metrics.exporter-prometheus-port=" + metricsPort,
                "-jar", jar.toString(), "-h", "127.0.0.1", "-p", Integer.toString(endpoint.port()), "-m", "file");
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile()).start();
        MetricsCoordinator tc = new MetricsCoordinator(process, endpoint, metricsPort);
        Awaitility.await("Seata TC on " + endpoint + " (log: " + home + ")").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200)).failFast(() -> !process.isAlive()).until(endpoint::answers);
        return tc;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    int metricsPort() {
        return metricsPort;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
