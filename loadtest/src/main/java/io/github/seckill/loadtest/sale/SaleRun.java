package io.github.seckill.loadtest.sale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One sale under load, start to verdict: the sale set up through admin-service, the shoppers' tokens
 * made, the Gatling simulation run, the pipeline drained, the invariants checked, the figures printed.
 * <pre>java ... SaleRun -Dsale.buyers=10000 -Dsale.stock=100 ...</pre> exits 0 only when the run is green.
 */
public final class SaleRun {

    private final Platform platform;
    private final SaleShape shape;
    private final Path results;

    public SaleRun(Platform platform, SaleShape shape, Path results) {
        this.platform = platform;
        this.shape = shape;
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        SaleResult result = new SaleRun(Platform.fromSystemProperties(), SaleShape.fromSystemProperties(),
                Path.of(Platform.prop("results", "target/gatling"))).run();
        System.exit(result.green() ? 0 : 1);
    }

    public SaleResult run() throws Exception {
        Machine machine = Machine.here();
        String run = "lt" + Long.toString(System.currentTimeMillis(), 36);
        System.out.println("== " + run + ": " + shape + " against " + platform.api() + ", on " + machine);
        // Open long enough for signing up, the arrival and the drain: prepared shoppers must still find it open.
        long sale = new AdminApi(platform).openSale("Load sale " + run, shape.stock(), shape.limitPerUser(),
                shape.arrival().multipliedBy(2).plus(Duration.ofHours(2)));
        System.out.println("== sale " + sale + " created and prewarmed through admin-service");
        Plan plan = new Plan(platform, shape, sale);
        Plan.start(plan);
        try (Pipeline pipeline = new Pipeline(platform)) {
            GatlingRunner gatling = new GatlingRunner(results);
            long signUp = System.nanoTime();
            Shoppers.prepare(plan, run, gatling);
            System.out.printf("== %d shoppers ready (%s tokens) in %.1f s; the sale starts%n", shape.shoppers(),
                    shape.tokens().name().toLowerCase(java.util.Locale.ROOT), (System.nanoTime() - signUp) / 1e9);
            if (shape.warmUp() > 0) {
                warmUp(plan, run, gatling, pipeline);
            }
            pipeline.watch(sale);
            int exit = gatling.run(SaleSimulation.class, "sale " + sale + ": " + shape, true);
            Outcomes outcomes = plan.outcomes;
            System.out.println("== load over; waiting for the pipeline to go quiet");
            Pipeline.Drain drain = pipeline.awaitQuiet(sale, outcomes.accepted(), shape.quietTimeout());
            Set<String> inMySql = pipeline.orderIds(sale);
            Set<String> answered = outcomes.orders();
            long lost = answered.stream().filter(id -> !inMySql.contains(id)).count();
            long unannounced = inMySql.stream().filter(id -> !answered.contains(id)).count();
            SaleResult result = new SaleResult(shape, sale, outcomes, drain, pipeline.check(sale), lost, unannounced,
                    exit, machine,
                    latestReport().map(p -> p.resolve("index.html").toString()).orElse("none"));
            result.print(System.out);
            return result;
        } finally {
            Plan.end();
        }
    }

    private void warmUp(Plan plan, String run, GatlingRunner gatling, Pipeline pipeline) throws Exception {
        SaleShape warm = shape.warmUpShape();
        long sale = new AdminApi(platform).openSale("Warm-up " + run, warm.stock(), 1, Duration.ofHours(1));
        System.out.println("== warm-up sale " + sale + ": " + warm);
        Plan.start(plan.warmUp(sale, warm));
        try {
            gatling.run(SaleSimulation.class, "warm-up sale " + sale, false);
            Pipeline.Drain drain = pipeline.awaitQuiet(sale, Plan.current().outcomes.accepted(), warm.quietTimeout());
            System.out.println("== warm-up over: " + Plan.current().outcomes.answers() + ", MySQL " + drain.statuses());
        } finally {
            Plan.start(plan);
        }
    }

    private Optional<Path> latestReport() throws java.io.IOException {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(p -> p.getFileName().toString().startsWith("salesimulation"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        }
    }
}
