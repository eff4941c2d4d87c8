package io.github.seckill.api.purchase;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * This instance's memory of sold-out sales: once Redis answers SOLD_OUT, further purchases of that sale
 * are refused without a Redis call. Set here and by other instances' announcements, cleared when stock
 * comes back (the restock announcement). A flag also lapses after {@code sold-out-flag-ttl}, so a missed
 * announcement costs a few seconds of refusals at most, never a blocked sale.
 */
@Component
class SoldOutFlags {

    private final Map<Long, Long> until = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;
    private final Counter hits;

    SoldOutFlags(Clock clock, PurchaseSettings settings, MeterRegistry meters) {
        this.clock = clock;
        this.ttlMillis = settings.soldOutFlagTtl().toMillis();
        this.hits = Counter.builder("seckill.soldout.flag.hits")
                .description("purchases refused from the local sold-out flag, without a Redis call")
                .register(meters);
        Gauge.builder("seckill.soldout.flags", until, Map::size).description("sales flagged sold out here")
                .register(meters);
    }

    /** True (and counted) when the sale is flagged sold out; an expired flag is dropped. */
    boolean refuses(long sale) {
        Long expiry = until.get(sale);
        if (expiry == null) {
            return false;
        }
        if (clock.millis() >= expiry) {
            until.remove(sale, expiry);
            return false;
        }
        hits.increment();
        return true;
    }

    /** Flags the sale; true when it was not flagged before (so the caller announces it once). */
    boolean flag(long sale) {
        return until.put(sale, clock.millis() + ttlMillis) == null;
    }

    void clear(long sale) {
        until.remove(sale);
    }

    boolean flagged(long sale) {
        Long expiry = until.get(sale);
        return expiry != null && clock.millis() < expiry;
    }
}
