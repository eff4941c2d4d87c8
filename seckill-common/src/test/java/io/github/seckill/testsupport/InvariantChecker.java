package io.github.seckill.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;

/**
 * Reads MySQL (order-service's tables) and Redis for one sale and checks the invariants of
 * docs/design.md §6. Run it once the pipeline is quiet: {@code quiet = false} checks only what must
 * hold at every moment (I1, I2).
 */
public final class InvariantChecker {

    private final StringRedisTemplate redis;
    private final Reservations reservations;

    public InvariantChecker(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.reservations = new Reservations(redis, keyPrefix);
    }

    public InvariantReport check(Connection mysql, long sale, boolean quiet) throws SQLException {
        List<String> violations = new ArrayList<>();
        long total = reservations.terms(new SaleId(sale)).orElseThrow().total();
        long available = reservations.remaining(new SaleId(sale)).orElse(0L);
        Map<String, String> states = new HashMap<>();
        Map<String, Long> quantities = new HashMap<>();
        redis.<String, String>opsForHash().entries(reservations.keys(new SaleId(sale)).ledger()).forEach((field,
                value) -> {
            if (field.endsWith(":s")) {
                states.put(field.substring(0, field.length() - 2), value);
            } else if (field.endsWith(":q")) {
                quantities.put(field.substring(0, field.length() - 2), Long.parseLong(value));
            }
        });
        long live = 0;
        long failed = 0;
        for (Map.Entry<String, String> e : states.entrySet()) {
            switch (e.getValue()) {
                case "RESERVED", "TRYING", "CANCELLING" -> live += quantities.get(e.getKey());
                case "RELEASED" -> failed++;
                default -> { }
            }
        }
        Map<String, String> rows = new HashMap<>();
        long sold = 0;
        try (PreparedStatement ps = mysql.prepareStatement(
                "SELECT id, status, quantity FROM orders WHERE activity_id = ?")) {
            ps.setLong(1, sale);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(Long.toString(rs.getLong(1)), rs.getString(2));
                    if (!"CANCELLED".equals(rs.getString(2))) {
                        sold += rs.getLong(3);
                    }
                }
            }
        }
        long maxPerUser = single(mysql, "SELECT COALESCE(MAX(q), 0) FROM (SELECT SUM(quantity) q FROM orders"
                + " WHERE activity_id = ? AND status IN ('CREATED', 'PAID') GROUP BY user_id) t", sale);
        long limit = reservations.terms(new SaleId(sale)).orElseThrow().limitPerUser();
        long mysqlRemaining = single(mysql, "SELECT COALESCE(SUM(remaining), -1) FROM activity_stock WHERE activity_id = ?",
                sale);
        long mysqlSold = single(mysql, "SELECT COALESCE(SUM(sold), 0) FROM activity_stock WHERE activity_id = ?", sale);

        expect(violations, sold + live <= total, "I1 oversold: sold " + sold + " + live " + live + " > total " + total);
        expect(violations, maxPerUser <= limit, "I2 a user holds " + maxPerUser + " > limit " + limit + " in MySQL");
        if (quiet) {
            expect(violations, available + live + sold == total, "I3 available " + available + " + live " + live
                    + " + sold " + sold + " != total " + total);
            expect(violations, mysqlSold == sold && (rows.isEmpty() || mysqlRemaining + mysqlSold == total),
                    "I3 MySQL stock rows (remaining " + mysqlRemaining + ", sold " + mysqlSold + ") disagrees with its"
                            + " orders (sold " + sold + ")");
            expect(violations, live == 0, "I4 " + live + " units still reserved after the pipeline went quiet");
            settled(states, rows, violations);
        }
        return new InvariantReport(sale, total, available, live, sold, mysqlRemaining, rows.size(), failed,
                maxPerUser, limit, violations);
    }

    /** I4/I5: each accepted order ends in exactly one state, the same in Redis and MySQL. */
    private static void settled(Map<String, String> states, Map<String, String> rows, List<String> violations) {
        int mismatched = 0;
        for (Map.Entry<String, String> e : states.entrySet()) {
            String row = rows.get(e.getKey());
            boolean ok = switch (e.getValue()) {
                case "CONFIRMED" -> "CREATED".equals(row) || "PAID".equals(row);
                case "CANCELLED" -> "CANCELLED".equals(row);
                case "RELEASED" -> row == null;
                default -> false;
            };
            mismatched += ok ? 0 : 1;
        }
        long orphans = rows.keySet().stream().filter(id -> !states.containsKey(id)).count();
        expect(violations, mismatched == 0, "I4 " + mismatched + " orders differ between the ledger and MySQL");
        expect(violations, orphans == 0, "I5 " + orphans + " MySQL orders have no reservation");
    }

    private static void expect(List<String> violations, boolean holds, String violation) {
        if (!holds) {
            violations.add(violation);
        }
    }

    private static long single(Connection mysql, String sql, long sale) throws SQLException {
        try (PreparedStatement ps = mysql.prepareStatement(sql)) {
            ps.setLong(1, sale);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
