package io.github.seckill.admin.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;

import io.github.seckill.admin.upstream.CompensationClient;
import io.github.seckill.admin.upstream.Ops;
import io.github.seckill.admin.upstream.Remote;

/**
 * The dashboard's figures: every live and upcoming sale with its stats, orders per second (the growth
 * of the order count since the previous reading), success rate (orders not FAILED over all orders,
 * FAILED ones counted in Redis: they never reach MySQL), pending reservations, DLQ backlog and hanging
 * global transactions.
 */
@Service
class Dashboard {

    record Figures(Instant at, List<SaleStats> sales, Double ordersPerSecond, Double successRate,
            long pendingReservations, Long dlqBacklog, Long hangingTransactions, Long openArchives,
            List<String> unavailable) {
    }

    private record Sample(Instant at, long orders) {
    }

    private final ActivityService sales;
    private final SaleMonitor monitor;
    private final CompensationClient compensation;
    private final Clock clock;
    private final AtomicReference<Sample> previous = new AtomicReference<>();

    Dashboard(ActivityService sales, SaleMonitor monitor, CompensationClient compensation, Clock clock) {
        this.sales = sales;
        this.monitor = monitor;
        this.compensation = compensation;
        this.clock = clock;
    }

    Figures read() {
        Instant now = clock.instant();
        List<SaleStats> live = sales.all().stream()
                .filter(s -> s.status() != ActivityStatus.CLOSED && s.endAt().isAfter(now))
                .sorted((a, b) -> a.startAt().compareTo(b.startAt()))
                .map(s -> monitor.stats(s.id())).toList();
        List<String> unavailable = new ArrayList<>();
        live.forEach(s -> s.unavailable().stream().filter(u -> !unavailable.contains(u)).forEach(unavailable::add));
        boolean ordersKnown = live.stream().allMatch(SaleStats::ordersKnown);
        long total = live.stream().mapToLong(SaleStats::ordersTotal).sum();
        long failed = live.stream().mapToLong(SaleStats::failedOrders).sum();
        Double rate = ordersKnown ? rate(now, total) : null;
        Double success = ordersKnown && total > 0 ? (double) (total - failed) / total : null;
        long pending = live.stream().mapToLong(SaleStats::liveReservations).sum();
        Remote<Ops.Overview> overview = compensation.overview();
        if (!overview.available()) {
            unavailable.add(overview.unavailable());
        }
        Ops.Overview o = overview.value();
        return new Figures(now, live, rate, success, pending, o == null ? null : o.dlqBacklog(),
                o == null ? null : o.hangingTransactions(), o == null ? null : o.openArchives(), unavailable);
    }

    /** Orders per second since the previous reading of the same set of sales; null on the first. */
    private Double rate(Instant now, long total) {
        Sample before = previous.getAndSet(new Sample(now, total));
        if (before == null || !now.isAfter(before.at()) || total < before.orders()) {
            return before == null ? null : 0.0;
        }
        double seconds = (now.toEpochMilli() - before.at().toEpochMilli()) / 1000.0;
        return (total - before.orders()) / seconds;
    }
}
