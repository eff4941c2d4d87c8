package io.github.seckill.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;


/**
 * One service of the platform, run from its built jar as a child process on a free port: for the
 * tests that start the real services (local-stack's end-to-end tests, loadtest's sale). Its log goes
 * to {@code target/service-logs/<module>.log} of the module that runs the test.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final List<String> command;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, List<String> command, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code <module>/target/<module>.jar} with these Spring settings (as command-line arguments). */
    public static ServiceProcess start(String module, Map<String, String> settings) throws IOException {
        return start(module, module, settings);
    }

    /**
     * The same, for one of several instances of a module: {@code name} ({@code order-service-2}) names its
     * log and its working folder.
     */
    public static ServiceProcess start(String module, String name, Map<String, String> settings) throws IOException {
        Path jar = repoRoot().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the modules first (./mvnw package)");
        }
        int port = Endpoint.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        Path logs = Path.of("target", "service-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(workDir(name)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ServiceProcess(name, port, List.copyOf(command), process, log);
    }

    /**
     * SIGKILL: the process gets no chance to finish anything (no shutdown hook, no graceful stop), as when
     * its machine dies. Returns once it is gone.
     */
    public ServiceProcess kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Starts the same service again on the same port with the same settings; its log goes on in the same file. */
    public ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        Process again = new ProcessBuilder(command).directory(workDir(name)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ServiceProcess(name, port, command, again, log);
    }

    /** What a service writes relative to where it runs (compensation-service's attempt log) stays in target/. */
    private static java.io.File workDir(String name) throws IOException {
        return Files.createDirectories(Path.of("target", "service-work", name)).toAbsolutePath().toFile();
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health} says UP. */
    public ServiceProcess awaitUp(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await(name + " UP (log: " + log.toAbsolutePath() + ")").atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .failFast(name + " exited; see " + log.toAbsolutePath(), () -> !process.isAlive())
                .until(() -> {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return r.statusCode() == 200 && r.body().contains("\"UP\"");
                    } catch (IOException e) {
                        return false;
                    }
                });
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public static Path repoRoot() {
        for (File dir = new File("").getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            if (new File(dir, "local-stack").isDirectory() && new File(dir, "pom.xml").isFile()) {
                return dir.toPath();
            }
        }
        throw new IllegalStateException("repository root not found from " + new File("").getAbsolutePath());
    }
}
