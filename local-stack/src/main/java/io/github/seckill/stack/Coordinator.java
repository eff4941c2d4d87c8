package io.github.seckill.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Seata TC from {@code coordinator/target/seckill-coordinator.jar}, file store under {@code <data>/seata}. */
final class Coordinator {

    private Coordinator() {
    }

    /** Checked before anything starts: a TC whose console port is taken would exit at once. */
    static void checkConsolePort(StackSettings settings) {
        if (Probes.listening(settings.tcConsolePort())) {
            throw new StackFailure("port " + settings.tcConsolePort() + " (the Seata TC console) is taken:"
                    + " stop what listens there, or give the console another port with SECKILL_TC_CONSOLE_PORT");
        }
    }

    static ChildProcess start(Stops stops, StackSettings settings) {
        Path jar = ServiceJars.jar(settings.repo(), "coordinator", "seckill-coordinator.jar");
        Path home = settings.data().resolve("seata");
        // Spring settings must be -D properties: the server stops at "--key=value" arguments (coordinator/README.md).
        List<String> command = ChildProcess.java(settings.jvm(), List.of(
                "-Dseata.store.file.dir=" + home.resolve("sessionStore"),
                "-Dlogging.file.path=" + home.resolve("logs"),
                "-Dlogging.path=" + home.resolve("logs"),
                "-Dserver.tomcat.basedir=" + home.resolve("tomcat"),
                "-Dserver.port=" + settings.tcConsolePort(),
                "-jar", jar.toString(),
                "-h", StackSettings.HOST, "-p", Integer.toString(settings.tcPort()), "-m", "file"));
        ChildProcess tc = ChildProcess.start(stops, "coordinator",
                ChildProcess.niced(settings.backgroundNice(), command), home, Map.of(), settings.logs());
        // the TC port opens last, once the console and the store are up
        tc.awaitReady(Duration.ofSeconds(90), () -> Probes.listening(settings.tcPort()));
        return tc;
    }
}
