package io.github.seckill.compensation.reconcile;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.orderservice.SaleStock;
import io.github.seckill.common.redis.Reservations;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Compares every live sale's stock in Redis with MySQL's (ADR 8) and records the drift. A drift is
 * repaired only when two checks in a row saw it on a quiet sale with the same figures, and then by
 * a compare-and-set that Redis refuses if anything moved: Redis is set to what MySQL has not sold,
 * and MySQL's conditional decrement stays the guard against overselling either way.
 */
@Component
class StockReconciliation {

    private static final Logger log = LoggerFactory.getLogger(StockReconciliation.class);

    private final Reservations reservations;
    private final LedgerTally ledger;
    private final MysqlStock mysql;
    private final StockChecks checks;
    private final ReconciliationSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;

    StockReconciliation(Reservations reservations, LedgerTally ledger, MysqlStock mysql, StockChecks checks,
            ReconciliationSettings settings, MeterRegistry meters, Clock clock) {
        this.reservations = reservations;
        this.ledger = ledger;
        this.mysql = mysql;
        this.checks = checks;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${seckill.reconciliation.interval:60s}",
            initialDelayString = "${seckill.reconciliation.interval:60s}")
    @SchedulerLock(name = "stock-reconciliation", lockAtMostFor = "PT5M")
    void reconcileAll() {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        for (long sale : reservations.salesOpenAt(now.minus(settings.interval()))) {
            try {
                reconcile(sale);
            } catch (RuntimeException e) {
                log.warn("stock of sale {} not reconciled this time: {}", sale, e.getMessage());
            }
        }
    }

    StockCheck reconcile(long sale) {
        Instant now = clock.instant();
        long total = reservations.terms(new SaleId(sale)).orElseThrow().total();
        LedgerTally.Tally tally = ledger.of(sale, now.minus(settings.hangingAfter()));
        SaleStock row = mysql.of(sale).orElse(SaleStock.untouched(sale, total));
        long drift = StockCheck.drift(row.total(), tally.available(), tally.live(), row.sold());
        StockCheck check = new StockCheck(sale, row.total(), tally.available(), tally.live(), row.remaining(),
                row.sold(), drift, tally.hanging(), drift == 0 ? "NONE" : "WATCH", now);
        if (drift != 0 && check.confirms(checks.find(sale).orElse(null))) {
            check = repair(check);
        }
        checks.save(check);
        return check;
    }

    private StockCheck repair(StockCheck c) {
        String outcome;
        if (!settings.repair()) {
            outcome = "OFF";
        } else {
            long target = c.total() - c.mysqlSold();
            long code = reservations.reconcile(new SaleId(c.activityId()), c.redisAvailable(), target);
            outcome = code == 1 ? (target < c.redisAvailable() ? "LOWERED" : "RAISED") : code == 0 ? "NONE" : "MOVED";
            log.warn("stock of sale {} drifted by {} (Redis {}, MySQL not sold {}): {}", c.activityId(), c.drift(),
                    c.redisAvailable(), target, outcome);
            meters.counter("seckill.stock.repairs", "outcome", outcome).increment();
        }
        return new StockCheck(c.activityId(), c.total(), c.redisAvailable(), c.live(), c.mysqlRemaining(),
                c.mysqlSold(), c.drift(), c.hanging(), outcome, c.checkedAt());
    }
}
