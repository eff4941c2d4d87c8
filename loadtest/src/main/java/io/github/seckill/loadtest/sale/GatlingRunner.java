package io.github.seckill.loadtest.sale;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;

/** Runs a simulation in this JVM (so it sees the {@link Plan}) and keeps its HTML report under {@code results}. */
final class GatlingRunner {

    private final Path results;

    GatlingRunner(Path results) {
        this.results = results;
    }

    /** Gatling's exit code: 0 when the run completed. */
    int run(Class<? extends Simulation> simulation, String description, boolean report) {
        List<String> args = new ArrayList<>(List.of("-s", simulation.getName(), "-rf",
                results.toAbsolutePath().toString(), "-rd", description));
        if (!report) {
            args.add("-nr");
        }
        return Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
    }
}
