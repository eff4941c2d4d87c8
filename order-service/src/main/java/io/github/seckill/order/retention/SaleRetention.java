package io.github.seckill.order.retention;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.EndedSales;
import io.github.seckill.common.redis.LedgerSummary;
import io.github.seckill.common.redis.ReleasedOrder;
import io.github.seckill.common.redis.RetireOutcome;
import io.github.seckill.order.orders.FailedOrderRows;
import io.github.seckill.order.orders.FailedOrderRows.FailedOrder;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Lets the Redis keys of ended sales go, so Redis (which never evicts) does not fill up sale after sale
 * (ADR 15). A sale is retired once it ended {@code after-end} ago and nothing in it is unsettled: its failed
 * orders are copied to MySQL first, then every key of the sale expires {@code keep} later, and the sale
 * leaves the catalogue's index. Each step is idempotent; a sale left alone is looked at again next run.
 */
@Component
class SaleRetention {

    /** What became of a sale this run; the metric's outcome tag. */
    enum Outcome { RETIRED, UNSETTLED, LIVE, GONE }

    private static final Logger log = LoggerFactory.getLogger(SaleRetention.class);

    private final EndedSales sales;
    private final FailedOrderRows failedOrders;
    private final RetentionSettings settings;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    SaleRetention(EndedSales sales, FailedOrderRows failedOrders, RetentionSettings settings, ObjectMapper json,
            MeterRegistry meters, Clock clock) {
        this.sales = sales;
        this.failedOrders = failedOrders;
        this.settings = settings;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${seckill.retention.interval:5m}", initialDelayString = "${seckill.retention.interval:5m}")
    @SchedulerLock(name = "sale-retention", lockAtMostFor = "PT10M")
    void retireEnded() {
        if (!settings.enabled()) {
            return;
        }
        for (long sale : sales.endedBefore(clock.instant().minus(settings.afterEnd()))) {
            try {
                retire(sale);
            } catch (RuntimeException e) {
                log.warn("sale {} not retired this run, next run tries again: {}", sale, e.toString());
            }
        }
    }

    /** Retires one sale if it may go; what became of it. */
    Outcome retire(long sale) {
        LedgerSummary ledger = sales.summary(sale);
        if (!ledger.settled()) {
            return done(sale, Outcome.UNSETTLED, ledger.unsettled() + " reservations not settled");
        }
        List<FailedOrder> failed = new ArrayList<>(ledger.failed().size());
        for (ReleasedOrder released : ledger.failed()) {
            failed.add(new FailedOrder(placed(released), released.reason(), released.releasedAt()));
        }
        failedOrders.keep(failed);
        RetireOutcome outcome = sales.retire(sale, settings.afterEnd(), settings.keep());
        return switch (outcome) {
            case RETIRED -> {
                sales.forget(sale);
                yield done(sale, Outcome.RETIRED, failed.size() + " failed orders kept in MySQL, keys expire in "
                        + settings.keep());
            }
            case GONE -> {
                sales.forget(sale);
                yield done(sale, Outcome.GONE, "no keys left in Redis");
            }
            case LIVE -> done(sale, Outcome.LIVE, "not ended " + settings.afterEnd() + " ago by Redis's terms");
            case PENDING -> done(sale, Outcome.UNSETTLED, "a reservation turned pending");
        };
    }

    private OrderPlaced placed(ReleasedOrder released) {
        try {
            return json.readValue(released.payload(), OrderPlaced.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("unreadable ledger payload of failed order " + released.orderId(), e);
        }
    }

    private Outcome done(long sale, Outcome outcome, String why) {
        meters.counter("seckill.retention.sales", "outcome", outcome.name().toLowerCase()).increment();
        log.info("sale {} retention: {} ({})", sale, outcome.name().toLowerCase(), why);
        return outcome;
    }
}
