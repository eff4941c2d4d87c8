package io.github.seckill.compensation.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.compensation.archive.ArchiveFilter;
import io.github.seckill.compensation.archive.Archives;
import io.github.seckill.compensation.reconcile.StockCheck;
import io.github.seckill.compensation.reconcile.StockChecks;
import io.github.seckill.compensation.sweeper.DlqBacklog;
import io.github.seckill.compensation.sweeper.StuckReservations;

/** What is in flight or out of line right now: stuck reservations, stock drift, and one overview. */
@RestController
class HealthController {

    private static final Duration RECENT = Duration.ofMinutes(10);

    private final StuckReservations stuck;
    private final StockChecks checks;
    private final DlqBacklog dlq;
    private final Archives archives;
    private final Clock clock;

    HealthController(StuckReservations stuck, StockChecks checks, DlqBacklog dlq, Archives archives, Clock clock) {
        this.stuck = stuck;
        this.checks = checks;
        this.dlq = dlq;
        this.archives = archives;
        this.clock = clock;
    }

    record Overview(long dlqBacklog, long pendingReservations, long hangingTransactions, long openArchives,
            long salesDrifting) {
    }

    @GetMapping("/ops/api/v1/reservations/stuck")
    List<StuckReservations.Stuck> stuck(
            @RequestParam(defaultValue = "PT30S") String olderThan,
            @RequestParam(defaultValue = "100") int limit) {
        Duration age;
        try {
            age = Duration.parse(olderThan);
        } catch (RuntimeException e) {
            throw new InvalidRequest("olderThan", "must be an ISO-8601 duration such as PT30S");
        }
        if (age.isNegative() || limit < 1 || limit > 1000) {
            throw new InvalidRequest("olderThan", "must not be negative, with limit 1..1000");
        }
        return stuck.olderThan(age, limit);
    }

    @GetMapping("/ops/api/v1/stock")
    List<StockCheck> stock() {
        return checks.since(clock.instant().minus(RECENT));
    }

    @GetMapping("/ops/api/v1/overview")
    Overview overview() {
        List<StockCheck> recent = checks.since(clock.instant().minus(RECENT));
        return new Overview(dlq.backlog(), stuck.pending(), recent.stream().mapToLong(StockCheck::hanging).sum(),
                archives.page(new ArchiveFilter("OPEN", null, null, null, null), 0, 1).total(),
                recent.stream().filter(c -> c.drift() != 0).count());
    }
}
