package io.github.seckill.stack;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One fault's timeline over a {@link Crowd}: when it was injected, healed and the sale went quiet, and
 * the figures docs/reliability.md reports for it.
 */
final class FaultRun {

    static final String FAULT = "fault";
    static final String HEALING = "healing";
    static final String HEALED = "healed";

    private final Crowd crowd;
    private final String name;
    private final long faultAt = System.nanoTime();
    private long struckAt;
    private long healingAt;
    private long healedAt;
    private long quietAt;

    private FaultRun(Crowd crowd, String name) {
        this.crowd = crowd;
        this.name = name;
    }

    /** The fault is injected now: the crowd's next clicks are sent during it. */
    static FaultRun begin(Crowd crowd, String name) {
        crowd.phase(FAULT);
        return new FaultRun(crowd, name);
    }

    /** The fault holds now (the process is gone, the port closed): the start of {@link #answeredDuringTheFault()}. */
    void struck() {
        struckAt = System.nanoTime();
    }

    /** The cure begins (a restart, a SIGCONT): clicks from now on may be answered by the healed server. */
    void healing() {
        healingAt = System.nanoTime();
        crowd.phase(HEALING);
    }

    /** The healed server is back (its port answers, its health says UP). */
    void healed() {
        if (healingAt == 0) {
            healingAt = System.nanoTime();
        }
        healedAt = System.nanoTime();
        crowd.phase(HEALED);
    }

    /** Clicks answered while the fault held: after it struck and before its cure began. */
    List<Crowd.Click> answeredDuringTheFault() {
        long from = struckAt == 0 ? faultAt : struckAt;
        return crowd.clicks().stream()
                .filter(c -> c.answeredAtNanos() > from && c.answeredAtNanos() < healingAt).toList();
    }

    void ended() {
        quietAt = System.nanoTime();
    }

    Map<String, String> accepted() {
        return crowd.accepted();
    }

    List<Crowd.Click> clicks(String phase) {
        return crowd.clicks().stream().filter(c -> c.phase().equals(phase)).toList();
    }

    /** The fault's line in docs/reliability.md's table; its answers are those to clicks sent until the heal. */
    String row(String fault, String load, String invariants, SaleVerdict verdict) {
        Map<Integer, Long> untilHealed = new TreeMap<>(crowd.answers(FAULT));
        crowd.answers(HEALING).forEach((status, n) -> untilHealed.merge(status, n, Long::sum));
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %.1f | %s | %s | %s |", fault, load,
                crowd.accepted().size(), untilHealed, nextAccepted().replace(" s", ""),
                (quietAt - healedAt) / 1e9, invariants, verdict.lost(), verdict.doubled());
    }

    private String nextAccepted() {
        return crowd.firstAcceptedAfter(healedAt)
                .map(c -> String.format(Locale.ROOT, "%.1f s", (c.sentAtNanos() - healedAt) / 1e9))
                .orElse("sold out");
    }

    void print() {
        String nextAccepted = nextAccepted();
        long[] unavailable = clicks(FAULT).stream().filter(c -> c.status() == 503).mapToLong(Crowd.Click::millis)
                .sorted().toArray();
        System.out.printf("%nfault: %s%n  202s: %d%n  answers to clicks sent during the fault (status: count, 0 = none):"
                + " %s, 503 in %s ms (median, slowest)%n  fault %.1f s, cure %.1f s; heal to next 202: %s;"
                + " heal to quiet: %.1f s%n  answers before: %s; during the cure: %s; after the heal: %s%n%n",
                name, crowd.accepted().size(), crowd.answers(FAULT),
                unavailable.length == 0 ? "-" : unavailable[unavailable.length / 2] + ", "
                        + unavailable[unavailable.length - 1],
                (healingAt - faultAt) / 1e9, (healedAt - healingAt) / 1e9, nextAccepted, (quietAt - healedAt) / 1e9,
                crowd.answers("before"), crowd.answers(HEALING), crowd.answers(HEALED));
    }
}
