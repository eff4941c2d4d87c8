package io.github.seckill.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * The Seata TC run as a child process from the coordinator module's jar, on free ports, with a
 * file store of its own. Started once per test JVM, stopped when the JVM exits.
 */
final class Coordinator {

    private static final String JAR = "coordinator/target/seckill-coordinator.jar";

    private Coordinator() {
    }

    static Endpoint start(String run) {
        Path jar = locateJar();
        Path home = Path.of("target", "seata-tc-" + run).toAbsolutePath();
        int port = Endpoint.freePort();
        int consolePort = Endpoint.freePort();
        Endpoint endpoint = new Endpoint("127.0.0.1", port);
        try {
            Files.createDirectories(home);
            Process process = new ProcessBuilder(command(jar, home, port, consolePort))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("console.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "seata-tc-stop"));
            Awaitility.await("Seata TC on " + endpoint + " (log: " + home + ")")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .failFast(() -> !process.isAlive())
                    .until(endpoint::answers);
            return endpoint;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Seata TC from " + jar, e);
        }
    }

    private static List<String> command(Path jar, Path home, int port, int consolePort) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Spring settings as -D: the server aborts on --key=value arguments.
        return List.of(java, "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dserver.port=" + consolePort,
                "-Dserver.tomcat.basedir=" + home.resolve("tomcat"),
                "-Dseata.store.file.dir=" + home.resolve("store"),
                "-Dlogging.file.path=" + home.resolve("logs"),
                "-Dlogging.path=" + home.resolve("logs"),
                "-Dseata.metrics.enabled=false",
                "-jar", jar.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-m", "file");
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
