package io.github.seckill.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * A Seata TC run as a child process from the coordinator module's jar, on a free port, with a
 * file store of its own under {@code target/}. {@link TestServers#coordinator()} shares one per
 * test JVM ({@link TestServers#coordinatorProcess()} to stop and restart it). The store survives
 * a restart, as it would in production.
 */
public final class Coordinator {

    private static final String JAR = "coordinator/target/seckill-coordinator.jar";

    private final Path home;
    private final Endpoint endpoint;
    private final int consolePort;
    private Process process;

    private Coordinator(String name) {
        this.home = Path.of("target", "seata-tc-" + name).toAbsolutePath();
        this.endpoint = new Endpoint("127.0.0.1", Endpoint.freePort());
        this.consolePort = Endpoint.freePort();
    }

    /** A TC of the caller's own, started; stop and start it at will. */
    public static Coordinator dedicated(String name) {
        Coordinator tc = new Coordinator(TestServers.RUN + "-" + name);
        tc.start();
        return tc;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public synchronized void start() {
        Path jar = locateJar();
        try {
            Files.createDirectories(home);
            process = new ProcessBuilder(command(jar))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()))
                    .start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "seata-tc-stop"));
            Awaitility.await("Seata TC on " + endpoint + " (log: " + home + ")")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .failFast(() -> !started.isAlive())
                    .until(endpoint::answers);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Seata TC from " + jar, e);
        }
    }

    /** Stops the TC and waits until its port is closed. */
    public synchronized void stop() {
        process.destroy();
        Awaitility.await("Seata TC on " + endpoint + " stopped").atMost(Duration.ofSeconds(60))
                .until(() -> !process.isAlive() && !endpoint.answers());
    }

    /** SIGKILL: no session is closed or flushed beyond what the file store already holds. */
    public synchronized void kill() {
        process.destroyForcibly();
        Awaitility.await("Seata TC on " + endpoint + " killed").atMost(Duration.ofSeconds(30))
                .until(() -> !process.isAlive());
    }

    public synchronized long pid() {
        return process.pid();
    }

    private List<String> command(Path jar) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Spring settings as -D: the server aborts on --key=value arguments.
        return List.of(java, "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dserver.port=" + consolePort,
                "-Dserver.tomcat.basedir=" + home.resolve("tomcat"),
                "-Dseata.store.file.dir=" + home.resolve("store"),
                "-Dlogging.file.path=" + home.resolve("logs"),
                "-Dlogging.path=" + home.resolve("logs"),
                "-Dseata.metrics.enabled=false",
                "-jar", jar.toString(), "-h", "127.0.0.1", "-p", Integer.toString(endpoint.port()), "-m", "file");
    }

    private static Path locateJar() {
        String configured = System.getenv("SECKILL_TEST_TC_JAR");
        if (configured != null) {
            return Path.of(configured);
        }
        for (File dir = new File("").getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            File jar = new File(dir, JAR);
            if (jar.isFile()) {
                return jar.toPath();
            }
        }
        throw new IllegalStateException("Seata TC jar not found: build it with ./mvnw -pl coordinator package,"
                + " or set SECKILL_TEST_TC_ADDRESS / SECKILL_TEST_TC_JAR");
    }
}
