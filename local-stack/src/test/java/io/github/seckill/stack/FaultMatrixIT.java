package io.github.seckill.stack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.stack.FaultStack.Link;
import io.github.seckill.stack.FaultStack.Server;

/**
 * The fault matrix of docs/reliability.md, run by {@code loadtest/faults.sh}: a stack of its own (MariaDB,
 * Redis with its append-only file, Kafka and the TC all this run's, the services reaching the stores
 * through TCP proxies), one fresh sale per fault under steady buying, the fault injected a second in,
 * healed, the buyers going on until the sale sells out, then {@link SaleVerdict}'s judgement. Each fault
 * prints its figures; {@code target/fault-matrix.md} gets the table. Only runs when {@code -Dfaults} names
 * faults ({@code all}, or names as in {@link Fault}, lower case with dashes, comma separated), and
 * {@code -Dfaults.runs} times each (1 by default).
 */
@EnabledIfSystemProperty(named = "faults", matches = ".+")
class FaultMatrixIT {

    private static final int STOCK = 60;
    private static final int CLICKS_PER_SECOND = 10;
    private static final int SHOPPERS = 150;
    /** How long a freeze or a cut holds. */
    private static final Duration HOLD = Duration.ofSeconds(10);
    /** compensation-service's hanging timeout in this stack; the backlog fault outlasts it. */
    private static final Duration HANGING_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration QUIET = Duration.ofMinutes(5);

    enum Fault {
        KAFKA_KILL("Kafka broker SIGKILL, restarted"),
        REDIS_KILL("Redis SIGKILL (append-only file on), restarted"),
        TC_KILL("Seata TC SIGKILL with a batch in its global transaction, restarted"),
        ORDER_SERVICE_KILL("order-service SIGKILL with a batch TRYING, restarted"),
        SECKILL_API_KILL("seckill-api SIGKILL with purchases waiting for Kafka's ack, restarted"),
        COMPENSATION_KILL("compensation-service SIGKILL with orders on its retry ladder (the TC frozen to put"
                + " them there), restarted, then the TC let go"),
        MARIADB_STOP("MariaDB SIGSTOP 10 s, SIGCONT"),
        TC_STOP("Seata TC SIGSTOP 10 s, SIGCONT"),
        TC_OUTAGE("Seata TC SIGSTOP 60 s, past the clients' request timeouts, SIGCONT"),
        MYSQL_CUT("services' TCP to MariaDB held 10 s"),
        REDIS_CUT("services' TCP to Redis held 10 s"),
        KAFKA_CUT("services' TCP to Kafka held 10 s"),
        BACKLOG("order-service SIGSTOP past the hanging timeout (45 s) while buyers are accepted, SIGCONT");

        final String description;

        Fault(String description) {
            this.description = description;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static FaultStack stack;
    private static List<String> tokens;
    private static final List<String> ROWS = new ArrayList<>();

    @BeforeAll
    static void startPlatform() throws Exception {
        stack = FaultStack.start(FaultStack.Mode.OWN_STORES,
                Map.of("compensation-service.seckill.sweeper.hanging-timeout", HANGING_TIMEOUT.toSeconds() + "s"));
        tokens = stack.shoppers(SHOPPERS);
    }

    @AfterAll
    static void stopPlatform() throws IOException {
        Path table = Path.of("target", "fault-matrix.md");
        Files.writeString(table, "| fault | load | 202s | answers during the fault | heal to next 202 s"
                + " | heal to quiet s | I1-I5 | lost | doubled |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
                + String.join("\n", ROWS) + "\n");
        System.out.println("\n" + Files.readString(table));
        if (stack != null) {
            stack.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> faults() {
        List<Fault> chosen = chosen(System.getProperty("faults"));
        int runs = Integer.getInteger("faults.runs", 1);
        List<DynamicTest> tests = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (Fault fault : chosen) {
                int n = run;
                tests.add(DynamicTest.dynamicTest(fault.id() + " #" + n, () -> run(fault)));
            }
        }
        return tests.stream();
    }

    private static List<Fault> chosen(String names) {
        if (names.equals("all")) {
            return List.of(Fault.values());
        }
        return Arrays.stream(names.split("[,\\s]+")).filter(n -> !n.isBlank()).map(n -> Arrays.stream(Fault.values())
                .filter(f -> f.id().equals(n)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "no fault " + n + "; faults: " + Arrays.stream(Fault.values()).map(Fault::id).toList())))
                .toList();
    }

    private void run(Fault fault) throws Exception {
        long sale = stack.backOffice().saleOf(STOCK, 1);
        FaultRun run;
        String outcome = "fail";
        SaleVerdict verdict = stack.verdict();
        try (Crowd crowd = Crowd.buying(stack.api().url(""), sale, tokens, CLICKS_PER_SECOND)) {
            await("first orders of sale " + sale).atMost(Duration.ofSeconds(60))
                    .until(() -> crowd.accepted().size() >= 5);
            run = inject(fault, sale, crowd);
            verdict.awaitSoldOutAndSettled(sale, crowd, QUIET);
            run.ended();
        }
        try {
            verdict.judge(sale, STOCK, run.accepted(), QUIET);
            outcome = "hold";
        } finally {
            run.print();
            ROWS.add(run.row(fault.description, STOCK + " units, " + tokens.size() + " shoppers at "
                    + CLICKS_PER_SECOND + " clicks/s", outcome, verdict));
        }
    }

    /** Injects the fault and heals it; returns once the cure is done. */
    private FaultRun inject(Fault fault, long sale, Crowd crowd) throws Exception {
        return switch (fault) {
            case KAFKA_KILL -> killed(crowd, fault, Server.KAFKA);
            case REDIS_KILL -> killed(crowd, fault, Server.REDIS);
            case TC_KILL -> killedMidTransaction(crowd, fault, Server.TC, sale);
            case ORDER_SERVICE_KILL -> killedMidTransaction(crowd, fault, Server.ORDER_SERVICE, sale);
            case SECKILL_API_KILL -> {
                stack.freeze(Server.KAFKA);
                FaultRun run;
                try {
                    await("purchases waiting for Kafka").atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(100)).until(() -> crowd.inFlight() >= 3);
                    run = FaultRun.begin(crowd, fault.description);
                    stack.kill(Server.SECKILL_API);
                    run.struck();
                } finally {
                    stack.thaw(Server.KAFKA);
                }
                run.healing();
                stack.restart(Server.SECKILL_API);
                run.healed();
                yield run;
            }
            case COMPENSATION_KILL -> {
                // With the TC away, placements fail after their waits and the orders go to the ladder.
                FaultRun run = FaultRun.begin(crowd, fault.description);
                stack.freeze(Server.TC);
                try {
                    await("orders on the compensation ladder").atMost(Duration.ofSeconds(90))
                            .pollInterval(Duration.ofMillis(200)).until(() -> onTheLadder() > 0);
                    stack.kill(Server.COMPENSATION);
                    run.struck();
                    run.healing();
                    stack.restart(Server.COMPENSATION);
                } finally {
                    stack.thaw(Server.TC);
                }
                run.healed();
                yield run;
            }
            case MARIADB_STOP -> frozen(crowd, fault, Server.MARIADB, HOLD);
            case TC_STOP -> frozen(crowd, fault, Server.TC, HOLD);
            case TC_OUTAGE -> frozen(crowd, fault, Server.TC, Duration.ofSeconds(60));
            case MYSQL_CUT -> cut(crowd, fault, Link.MYSQL);
            case REDIS_CUT -> cut(crowd, fault, Link.REDIS);
            case KAFKA_CUT -> cut(crowd, fault, Link.KAFKA);
            case BACKLOG -> frozen(crowd, fault, Server.ORDER_SERVICE, HANGING_TIMEOUT.plusSeconds(15));
        };
    }

    private static FaultRun killed(Crowd crowd, Fault fault, Server server) throws IOException {
        FaultRun run = FaultRun.begin(crowd, fault.description);
        stack.kill(server);
        run.struck();
        run.healing();
        stack.restart(server);
        run.healed();
        return run;
    }

    /**
     * Killed while a batch's reservations are TRYING (its global transaction begun, not ended): frozen
     * first, so that what is seen is what the kill leaves behind; let go again when phase two came first.
     */
    private static FaultRun killedMidTransaction(Crowd crowd, Fault fault, Server server, long sale)
            throws IOException {
        while (true) {
            await("a batch of sale " + sale + " in its global transaction").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10)).until(() -> trying(sale) > 0);
            stack.freeze(server);
            if (trying(sale) > 0) {
                return killed(crowd, fault, server);
            }
            stack.thaw(server);
        }
    }

    private static FaultRun frozen(Crowd crowd, Fault fault, Server server, Duration hold)
            throws InterruptedException {
        FaultRun run = FaultRun.begin(crowd, fault.description);
        stack.freeze(server);
        run.struck();
        try {
            hold(hold);
        } finally {
            run.healing();
            stack.thaw(server);
        }
        run.healed();
        return run;
    }

    private static FaultRun cut(Crowd crowd, Fault fault, Link link) throws InterruptedException {
        FaultRun run = FaultRun.begin(crowd, fault.description);
        stack.cut(link);
        run.struck();
        try {
            hold(HOLD);
        } finally {
            run.healing();
            stack.mend(link);
        }
        run.healed();
        return run;
    }

    /** The fault's length is what the fault is: held, not waited for. */
    private static void hold(Duration length) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(length.toMillis());
    }

    private static long onTheLadder() throws SQLException {
        try (Connection c = stack.connect("seckill_compensation"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pending_compensations")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long trying(long sale) {
        Reservations reservations = new Reservations(stack.redis(), stack.redisPrefix());
        Map<String, Long> states = new HashMap<>();
        stack.redis().<String, String>opsForHash().entries(reservations.keys(new SaleId(sale)).ledger()).forEach((f,
                v) -> {
            if (f.endsWith(":s")) {
                states.merge(v, 1L, Long::sum);
            }
        });
        return states.getOrDefault("TRYING", 0L);
    }
}
