package io.github.seckill.loadtest.sale;

import java.io.PrintStream;
import java.util.Map;

import io.github.seckill.testsupport.InvariantReport;

/**
 * What one sale run measured and what the checker found.
 *
 * @param gatlingExit 0 when the simulation completed
 * @param lost        orders answered 202 that MySQL does not have
 * @param unannounced orders in MySQL whose 202 no buyer saw (their answer was a refusal or none)
 */
public record SaleResult(SaleShape shape, long sale, Outcomes outcomes, Pipeline.Drain drain,
        InvariantReport invariants, long lost, long unannounced, int gatlingExit, Machine machine, String report) {

    /** The verdict: the run completed, the pipeline went quiet, I1-I5 hold and no accepted order was lost. */
    public boolean green() {
        return gatlingExit == 0 && drain.quiet() && invariants.green() && oversold() == 0 && undersold() == 0
                && lost == 0;
    }

    public long accepted() {
        return outcomes.accepted();
    }

    public Map<String, Long> answers() {
        return outcomes.answers();
    }

    public long oversold() {
        return Math.max(0, invariants.sold() + invariants.liveReservations() - invariants.total());
    }

    /** Units left unsold although buyers were told the sale was sold out. */
    public long undersold() {
        boolean refusedAsSoldOut = answers().keySet().stream().anyMatch(a -> a.contains("sold-out"));
        return refusedAsSoldOut ? invariants.total() - invariants.sold() - invariants.liveReservations() : 0;
    }

    void print(PrintStream out) {
        double window = (outcomes.lastRequest() - outcomes.firstStart()) / 1000.0;
        double buying = (outcomes.lastEnd() - outcomes.firstStart()) / 1000.0;
        out.println();
        out.println("== sale " + sale + ": " + shape);
        out.println("machine       " + machine);
        out.printf("requests      %d purchases + %d catalogue reads in %.1f s = %.0f req/s (purchases %.0f/s over %.1f s)%n",
                outcomes.purchases(), outcomes.reads(), window, (outcomes.purchases() + outcomes.reads()) / window,
                outcomes.purchases() / buying, buying);
        Outcomes.Latencies all = outcomes.latencies();
        Outcomes.Latencies taken = outcomes.acceptedLatencies();
        out.printf("purchase      p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms (every answer)%n", all.percentile(0.5),
                all.percentile(0.99), all.percentile(0.999), all.percentile(1));
        out.printf("accepted      p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms (the %d answers 202: the whole path)%n",
                taken.percentile(0.5), taken.percentile(0.99), taken.percentile(0.999), taken.percentile(1),
                taken.count());
        out.println("answers       " + answers());
        out.printf("orders        %d answered 202; MySQL %s; %d answered 202 but not in MySQL, %d in MySQL"
                + " without a 202 seen%n", accepted(), drain.statuses(), lost, unannounced);
        long lastOrderAt = drain.lastOrderAt();
        if (lastOrderAt > 0) {
            out.printf("committed     %.0f orders/s (first purchase to last order in MySQL, %.1f s)%n",
                    invariants.orders() / ((lastOrderAt - outcomes.firstStart()) / 1000.0),
                    (lastOrderAt - outcomes.firstStart()) / 1000.0);
            out.printf("drain         %.2f s after the last purchase answer (%.2f s after the last one accepted)%n",
                    Math.max(0, lastOrderAt - outcomes.lastEnd()) / 1000.0,
                    Math.max(0, lastOrderAt - outcomes.lastAccepted()) / 1000.0);
        } else {
            out.println("committed     " + (accepted() == 0 ? "nothing: no purchase was accepted"
                    : "MySQL never held every accepted order"));
        }
        out.println("quiet         " + (drain.quiet() ? "yes: no live reservation, order counts stable"
                : "NO: reservations still live or counts moving at the time limit"));
        out.printf("stock         %d of %d sold; oversold %d, undersold %d%n", invariants.sold(), invariants.total(),
                oversold(), undersold());
        for (String invariant : new String[] {"I1", "I2", "I3", "I4", "I5"}) {
            String broken = invariants.violations().stream().filter(v -> v.startsWith(invariant)).findFirst()
                    .orElse(null);
            out.println(invariant + "            " + (broken == null ? "holds" : "FAILS: " + broken));
        }
        out.println("checker       " + invariants);
        out.println("report        " + report);
        out.println(green() ? "RESULT        PASS" : "RESULT        FAIL");
    }
}
