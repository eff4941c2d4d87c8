package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.testsupport.InvariantChecker;
import io.github.seckill.testsupport.InvariantReport;

/**
 * The one judgement after every fault (docs/reliability.md), from the outside: every 202 ends in exactly
 * one of CREATED / PAID / CANCELLED / FAILED-with-a-reason and its owner reads it; MySQL holds exactly the
 * accepted orders that did not fail, none doubled and none from a refused click; no oversell; Redis and
 * MySQL agree and nothing is left reserved (I1-I5); the sale sold out.
 */
final class SaleVerdict {

    private static final Set<String> TERMINAL = Set.of("CREATED", "PAID", "CANCELLED", "FAILED");

    private final Http http = new Http();
    private final URI api;
    private final StringRedisTemplate redis;
    private final Reservations reservations;
    private final InvariantChecker invariants;
    private final Map<String, Map<String, Object>> settled = new ConcurrentHashMap<>();
    private final Database orders;
    private String lost = "-";
    private String doubled = "-";

    /** Where order-service's tables are. */
    interface Database {
        Connection connect() throws SQLException;
    }

    SaleVerdict(URI api, StringRedisTemplate redis, String keyPrefix, Database orders) {
        this.api = api;
        this.orders = orders;
        this.redis = redis;
        this.reservations = new Reservations(redis, keyPrefix);
        this.invariants = new InvariantChecker(redis, keyPrefix);
    }

    /**
     * True once every accepted order reads a terminal state to its owner, nothing is reserved any more
     * and the sale has no stock left: the moment the buyers may stop.
     */
    boolean soldOutAndSettled(long sale, Map<String, String> accepted) throws SQLException {
        if (!allSettled(accepted)) {
            return false;
        }
        try (Connection mysql = orders.connect()) {
            InvariantReport report = invariants.check(mysql, sale, true);
            return report.green() && report.redisAvailable() == 0;
        }
    }

    /** Until {@link #soldOutAndSettled} and every shopper of the crowd has had an answer: the buyers may stop. */
    void awaitSoldOutAndSettled(long sale, Crowd crowd, Duration quiet) {
        try {
            await("sale " + sale + " sold out with every order settled").atMost(quiet)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> crowd.owed() == 0 && soldOutAndSettled(sale, crowd.accepted()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("sale " + sale + " not sold out and settled within " + quiet + ": "
                    + state(sale, crowd), e);
        }
    }

    /** What the crowd heard and where the sale stands, for a failure's message. */
    private String state(long sale, Crowd crowd) {
        Map<String, Long> problems = new TreeMap<>();
        crowd.clicks().forEach(c -> problems.merge(c.status() + " " + c.problem(), 1L, Long::sum));
        Map<String, Long> ledger = new TreeMap<>();
        String redisState;
        try {
            redis.<String, String>opsForHash().entries(reservations.keys(new SaleId(sale)).ledger()).forEach((field,
                    value) -> {
                if (field.endsWith(":s")) {
                    ledger.merge(value, 1L, Long::sum);
                }
            });
            redisState = "Redis remaining " + reservations.remaining(new SaleId(sale)).orElse(null) + ", ledger "
                    + ledger;
        } catch (RuntimeException e) {
            redisState = "Redis not read: " + e;
        }
        String mysqlState;
        try (Connection mysql = orders.connect()) {
            mysqlState = invariants.check(mysql, sale, true).toString();
        } catch (SQLException | RuntimeException e) {
            mysqlState = "MySQL not read: " + e;
        }
        long unsettled = crowd.accepted().keySet().stream().filter(id -> !settled.containsKey(id)).count();
        return String.format("answers %s; %d accepted, %d not settled, %d shoppers owed an answer; %s; %s", problems,
                crowd.accepted().size(), unsettled, crowd.owed(), redisState, mysqlState);
    }

    /** Waits for quiet, then judges; the failures name the orders and invariants that broke. */
    void judge(long sale, int stock, Map<String, String> accepted, Duration quiet) throws SQLException {
        await("every 202 of sale " + sale + " in a terminal state").atMost(quiet).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1)).until(() -> allSettled(accepted));
        for (Map.Entry<String, Map<String, Object>> order : settled.entrySet()) {
            if (accepted.containsKey(order.getKey()) && "FAILED".equals(order.getValue().get("status"))) {
                assertThat((String) order.getValue().get("reason")).as("reason of FAILED order %s", order.getKey())
                        .isNotBlank();
            }
        }
        Set<String> failed = new HashSet<>();
        accepted.keySet().stream().filter(id -> "FAILED".equals(settled.get(id).get("status"))).forEach(failed::add);

        try (Connection mysql = orders.connect()) {
            await("invariants of sale " + sale).atMost(quiet).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(invariants.check(mysql, sale, true).violations()).isEmpty());
            Map<String, String> rows = orders(mysql, sale);
            doubled = Long.toString(rows.keySet().stream().filter(id -> !accepted.containsKey(id)).count());
            lost = Long.toString(accepted.keySet().stream()
                    .filter(id -> !failed.contains(id) && !rows.containsKey(id)).count());
            assertThat(rows.keySet()).as("MySQL orders that no 202 accepted").isSubsetOf(accepted.keySet());
            assertThat(rows).as("MySQL orders == 202s that did not fail").hasSize(accepted.size() - failed.size());
            rows.forEach((id, status) -> assertThat(status).as("order %s in MySQL and to its owner", id)
                    .isEqualTo(settled.get(id).get("status")));
            assertThat(stockRow(mysql, sale)).as("MySQL remaining, sold").containsExactly(0L, (long) stock);
        }
        assertThat(reservations.remaining(new SaleId(sale))).as("Redis remaining: the sale sold out").contains(0L);
        assertThat(accepted.size() - failed.size()).as("units sold").isEqualTo(stock);
    }

    /** Accepted orders neither FAILED nor in MySQL, as judged last; "-" before a judgement got that far. */
    String lost() {
        return lost;
    }

    /** MySQL orders no 202 accepted, as judged last. */
    String doubled() {
        return doubled;
    }

    /** Asks each not yet settled order's owner for it; true when all read a terminal state. */
    private boolean allSettled(Map<String, String> accepted) {
        boolean all = true;
        for (Map.Entry<String, String> order : accepted.entrySet()) {
            if (settled.containsKey(order.getKey())) {
                continue;
            }
            Http.Response read;
            try {
                read = http.get(api.resolve("/api/v1/orders/" + order.getKey()), Http.bearer(order.getValue()));
            } catch (IllegalStateException e) {
                return false; // seckill-api is not answering (restarting): ask again on the next round
            }
            if (read.status() == 200 && TERMINAL.contains(String.valueOf(read.body().get("status")))) {
                settled.put(order.getKey(), read.body());
            } else {
                all = false;
            }
        }
        return all;
    }

    private static Map<String, String> orders(Connection mysql, long sale) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (PreparedStatement ps = mysql.prepareStatement("SELECT id, status FROM orders WHERE activity_id = ?")) {
            ps.setLong(1, sale);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(Long.toString(rs.getLong(1)), rs.getString(2));
                }
            }
        }
        return rows;
    }

    private static long[] stockRow(Connection mysql, long sale) throws SQLException {
        try (PreparedStatement ps = mysql.prepareStatement(
                "SELECT SUM(remaining), SUM(sold) FROM activity_stock WHERE activity_id = ? GROUP BY activity_id")) {
            ps.setLong(1, sale);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("stock row of sale %d", sale).isTrue();
                return new long[] { rs.getLong(1), rs.getLong(2) };
            }
        }
    }
}
