package io.github.seckill.common.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.github.seckill.common.id.SaleId;

/**
 * Sales whose end has passed, and what retention does with them: read what their ledger still holds,
 * then let their keys expire (<code>retire.lua</code>) and take them off the catalogue's index.
 */
public class EndedSales {

    private static final RedisScript<Long> RETIRE = LuaScripts.load("lua/retire.lua", Long.class);
    private static final int CHUNK = 500;

    private final StringRedisTemplate redis;
    private final Reservations reservations;

    public EndedSales(StringRedisTemplate redis, Reservations reservations) {
        this.redis = redis;
        this.reservations = reservations;
    }

    /**
     * Ids of the catalogued sales whose end (the index's score) is at or before {@code end}, oldest first.
     * A retired sale leaves the index, so these are the ended sales not retired yet.
     */
    public List<Long> endedBefore(Instant end) {
        Set<String> ids = redis.opsForZSet().rangeByScore(reservations.catalogue(), Double.NEGATIVE_INFINITY,
                end.toEpochMilli());
        return ids == null ? List.of() : ids.stream().map(Long::valueOf).toList();
    }

    /**
     * Reads the sale's whole ledger (HSCAN, so Redis is never blocked by a large one): its unsettled
     * reservations and its failed orders; purchases withdrawn before their shopper was answered are left out.
     */
    public LedgerSummary summary(long activityId) {
        String ledger = reservations.keys(new SaleId(activityId)).ledger();
        int unsettled = 0;
        List<String> released = new ArrayList<>();
        try (Cursor<java.util.Map.Entry<Object, Object>> states = redis.opsForHash().scan(ledger,
                ScanOptions.scanOptions().match("*:s").count(1_000).build())) {
            while (states.hasNext()) {
                var field = states.next();
                String oid = field.getKey().toString();
                oid = oid.substring(0, oid.length() - 2);
                if (oid.isEmpty() || !oid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                switch (LedgerState.valueOf(field.getValue().toString())) {
                    case RESERVED, TRYING, CANCELLING -> unsettled++;
                    case RELEASED -> released.add(oid);
                    default -> {
                    }
                }
            }
        }
        List<ReleasedOrder> failed = new ArrayList<>(released.size());
        for (int from = 0; from < released.size(); from += CHUNK) {
            failed.addAll(released(ledger, released.subList(from, Math.min(from + CHUNK, released.size()))));
        }
        return new LedgerSummary(unsettled, failed);
    }

    private List<ReleasedOrder> released(String ledger, List<String> oids) {
        List<Object> fields = new ArrayList<>(oids.size() * 4);
        for (String oid : oids) {
            fields.add(oid);
            fields.add(oid + ":r");
            fields.add(oid + ":t");
            fields.add(oid + ":w");
        }
        List<Object> values = redis.opsForHash().multiGet(ledger, fields);
        List<ReleasedOrder> orders = new ArrayList<>(oids.size());
        for (int i = 0; i < oids.size(); i++) {
            if (values.get(i * 4 + 3) != null) {
                continue; // withdrawn: its shopper heard 503 and holds no order
            }
            Object at = values.get(i * 4 + 2);
            orders.add(new ReleasedOrder(Long.parseLong(oids.get(i)), (String) values.get(i * 4),
                    (String) values.get(i * 4 + 1), at == null ? null : Instant.ofEpochMilli(Long.parseLong((String) at))));
        }
        return orders;
    }

    /**
     * Lets every key of the sale expire {@code keep} from now, if it ended at least {@code afterEnd} ago and
     * no reservation is pending. A key already expiring keeps its time.
     */
    public RetireOutcome retire(long activityId, Duration afterEnd, Duration keep) {
        return RetireOutcome.of(redis.execute(RETIRE, reservations.keys(new SaleId(activityId)).all(),
                Long.toString(afterEnd.toMillis()), Long.toString(keep.toMillis())));
    }

    /** Takes the sale off the catalogue's index, which lists it no longer. */
    public void forget(long activityId) {
        redis.opsForZSet().remove(reservations.catalogue(), Long.toString(activityId));
    }
}
