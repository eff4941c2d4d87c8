package io.github.seckill.compensation.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;

/**
 * What a sale's ledger holds right now: units in reservations that are not settled (RESERVED,
 * TRYING, CANCELLING: the stock has left Redis but is not sold in MySQL, or the other way round
 * while a transaction runs), and how many transactions hold theirs for too long. Scanned with
 * HSCAN, so a big ledger never blocks Redis.
 */
@Component
class LedgerTally {

    private final StringRedisTemplate redis;
    private final Reservations reservations;

    LedgerTally(StringRedisTemplate redis, Reservations reservations) {
        this.redis = redis;
        this.reservations = reservations;
    }

    record Tally(long available, long live, int hanging, boolean quiet) {
    }

    Tally of(long sale, Instant hangingBefore) {
        String ledger = reservations.keys(new SaleId(sale)).ledger();
        List<String> unsettled = new ArrayList<>();
        List<String> trying = new ArrayList<>();
        try (Cursor<java.util.Map.Entry<Object, Object>> states = redis.opsForHash().scan(ledger,
                ScanOptions.scanOptions().match("*:s").count(1000).build())) {
            states.forEachRemaining(e -> {
                String state = (String) e.getValue();
                String order = ((String) e.getKey()).substring(0, ((String) e.getKey()).length() - 2);
                if (state.equals("RESERVED") || state.equals("TRYING") || state.equals("CANCELLING")) {
                    unsettled.add(order);
                }
                if (state.equals("TRYING")) {
                    trying.add(order);
                }
            });
        }
        long live = 0;
        if (!unsettled.isEmpty()) {
            List<Object> quantities = redis.opsForHash().multiGet(ledger,
                    unsettled.stream().map(o -> (Object) (o + ":q")).toList());
            for (Object q : quantities) {
                live += q == null ? 0 : Long.parseLong((String) q);
            }
        }
        int hanging = 0;
        String pending = reservations.keys(new SaleId(sale)).pending();
        for (String order : trying) {
            Double reservedAt = redis.opsForZSet().score(pending, order);
            if (reservedAt != null && reservedAt < hangingBefore.toEpochMilli()) {
                hanging++;
            }
        }
        long available = reservations.remaining(new SaleId(sale)).orElse(0L);
        return new Tally(available, live, hanging, unsettled.isEmpty());
    }
}
