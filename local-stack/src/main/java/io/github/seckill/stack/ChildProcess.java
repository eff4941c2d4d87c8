package io.github.seckill.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/** A server run as a child process, its output appended to {@code <data>/logs/<name>.log}. */
final class ChildProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;
    private volatile boolean exitExpected;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        process.onExit().thenAccept(p -> {
            if (!exitExpected) {
                System.err.printf("%s stopped by itself (exit status %d); see %s%n", name, p.exitValue(), log);
            }
        });
    }

    /** Starts the command; {@code stops} will stop it, in its turn. */
    static ChildProcess start(Stops stops, String name, List<String> command, Path workDir, Map<String, String> env,
            Path logs) {
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return stops.start(() -> {
            try {
                Files.createDirectories(workDir);
                Files.createDirectories(logs);
                return new ChildProcess(name, builder.start(), log);
            } catch (IOException e) {
                throw new StackFailure("cannot start " + name + ": " + e.getMessage(), e);
            }
        }, ChildProcess::stop);
    }

    /**
     * The command run with {@code nice} at the given niceness, for the servers no shopper waits on: on a shared
     * machine the shopper's path then gets the processor first, as a CPU reservation gives it in production.
     * Unchanged at niceness 0 or where there is no {@code nice}.
     */
    static List<String> niced(int niceness, List<String> command) {
        if (niceness == 0) {
            return command;
        }
        for (String dir : new String[] { "/usr/bin", "/bin" }) {
            Path nice = Path.of(dir, "nice");
            if (Files.isExecutable(nice)) {
                List<String> niced = new ArrayList<>(List.of(nice.toString(), "-n", Integer.toString(niceness)));
                niced.addAll(command);
                return niced;
            }
        }
        return command;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <options> <arguments>}. */
    static List<String> java(List<String> options, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(options);
        command.addAll(arguments);
        return command;
    }

    /** {@code java <options> -cp <this launcher's classpath> <main and arguments>}. */
    static List<String> javaWithOurClasspath(List<String> options, String... mainAndArgs) {
        List<String> arguments = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path")));
        arguments.addAll(List.of(mainAndArgs));
        return java(options, arguments);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: nothing is flushed or closed, as when the machine dies. Returns once the process is gone. */
    void kill() {
        exitExpected = true;
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new StackFailure(name + " still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure(name + " interrupted", e);
        }
    }

    /** Polls {@code ready} until it says yes; fails at once, with the log's tail, if the process dies. */
    void awaitReady(Duration timeout, Callable<Boolean> ready) {
        try {
            Awaitility.await(name + " ready").atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .failFast(() -> !process.isAlive()).until(ready);
        } catch (TerminalFailureException e) {
            throw failure(name + " exited with status " + process.exitValue() + " while starting");
        } catch (ConditionTimeoutException e) {
            throw failure(name + " was not ready within " + timeout.toSeconds() + " s");
        }
    }

    /** Waits for a one-shot command to finish successfully. */
    void awaitSuccess(Duration timeout) {
        exitExpected = true;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                throw failure(name + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure(name + " interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw failure(name + " failed with exit status " + process.exitValue());
        }
    }

    StackFailure failure(String what) {
        return new StackFailure(what + "\n--- last lines of " + log + " ---\n" + tail(40));
    }

    /** Stops the process (SIGTERM: a clean shutdown) and waits; kills it after the grace period. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        exitExpected = true;
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.printf("%s did not stop within %d s: killing it%n", name, STOP_GRACE.toSeconds());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        System.out.println("stopped " + name);
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }
}
