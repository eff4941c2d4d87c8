package io.github.seckill.order.stock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What each buyer holds per sale in MySQL ({@code user_purchases}): the per-user limit enforced
 * by MySQL as well as by Redis. One statement adds a whole batch's quantities, so a batch costs
 * the same few statements whatever its size.
 */
@Repository
public class BuyerQuotas {

    private final JdbcTemplate jdbc;

    BuyerQuotas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the missing rows (quantity 0); outside any global transaction, never changes a row. */
    public void ensure(long activityId, Iterable<Long> userIds) {
        List<Object[]> rows = new ArrayList<>();
        userIds.forEach(u -> rows.add(new Object[] { activityId, u }));
        jdbc.batchUpdate("INSERT IGNORE INTO user_purchases (activity_id, user_id, quantity) VALUES (?, ?, 0)", rows);
    }

    /**
     * Adds each user's quantity and returns the users now over the sale's limit (empty when all
     * fit). The rows stay locked by this transaction, so a concurrent one sees the sum.
     */
    public List<Long> add(long activityId, Map<Long, Integer> quantityByUser) {
        List<Object> args = new ArrayList<>();
        StringBuilder cases = new StringBuilder();
        quantityByUser.forEach((user, qty) -> {
            cases.append(" WHEN ? THEN ?");
            args.add(user);
            args.add(qty);
        });
        args.add(activityId);
        args.addAll(quantityByUser.keySet());
        String in = String.join(", ", Collections.nCopies(quantityByUser.size(), "?"));
        jdbc.update("UPDATE user_purchases SET quantity = quantity + CASE user_id" + cases + " ELSE 0 END"
                + " WHERE activity_id = ? AND user_id IN (" + in + ")", args.toArray());
        List<Object> check = new ArrayList<>();
        check.add(activityId);
        check.addAll(quantityByUser.keySet());
        return jdbc.queryForList("SELECT u.user_id FROM user_purchases u JOIN activity_stock s"
                + " ON s.activity_id = u.activity_id WHERE u.activity_id = ? AND u.user_id IN (" + in + ")"
                + " AND u.quantity > s.limit_per_user", Long.class, check.toArray());
    }

    /** Gives a cancelled order's quantity back. */
    public void giveBack(long activityId, long userId, int quantity) {
        jdbc.update("UPDATE user_purchases SET quantity = quantity - ? WHERE activity_id = ? AND user_id = ?",
                quantity, activityId, userId);
    }
}
