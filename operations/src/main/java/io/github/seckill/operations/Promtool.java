package io.github.seckill.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus' own checker, {@code promtool} (Debian package {@code prometheus}; {@code .ci/run}
 * installs it), so the files are judged by the same parser that will load them. Tests that need it
 * skip where it is missing, with {@link #MISSING} as the reason.
 */
public final class Promtool {

    /** Why a check was skipped: what to install to run it. */
    public static final String MISSING = "promtool and prometheus not found on the PATH (nor in $SECKILL_PROMTOOL, "
            + "$SECKILL_PROMETHEUS): install Debian's package prometheus to run this check, as .ci/run does";

    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private Promtool() {
    }

    /** True when both promtool and the Prometheus server can be run here. */
    public static boolean installed() {
        return find("SECKILL_PROMTOOL", "promtool").isPresent() && find("SECKILL_PROMETHEUS", "prometheus").isPresent();
    }

    /** The binary, from {@code SECKILL_PROMTOOL} or the PATH. */
    public static Path binary() {
        return find("SECKILL_PROMTOOL", "promtool").orElseThrow(() -> new IllegalStateException(MISSING));
    }

    /** The Prometheus server binary, from {@code SECKILL_PROMETHEUS} or the PATH. */
    public static Path server() {
        return find("SECKILL_PROMETHEUS", "prometheus").orElseThrow(() -> new IllegalStateException(MISSING));
    }

    public static Result run(Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool did not finish: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> find(String variable, String name) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
