package io.github.seckill.order.stock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What each buyer holds per sale in MySQL ({@code user_purchases}): the per-user limit enforced
 * by MySQL as well as by Redis. One upsert adds a whole batch's quantities (Seata AT records its
 * before and after images by primary key), so a batch costs two statements whatever its size.
 */
@Repository
public class BuyerQuotas {

    private final JdbcTemplate jdbc;

    BuyerQuotas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds each user's quantity and returns the users now over the sale's limit (empty when all
     * fit). The rows stay locked by this transaction, so a concurrent one sees the sum.
     */
    public List<Long> add(long activityId, Map<Long, Integer> quantityByUser) {
        List<Object> args = new ArrayList<>(quantityByUser.size() * 3);
        quantityByUser.forEach((user, qty) -> Collections.addAll(args, activityId, user, qty));
        String rows = String.join(", ", Collections.nCopies(quantityByUser.size(), "(?, ?, ?)"));
        jdbc.update("INSERT INTO user_purchases (activity_id, user_id, quantity) VALUES " + rows
                + " ON DUPLICATE KEY UPDATE quantity = quantity + VALUES(quantity)", args.toArray());
        String in = String.join(", ", Collections.nCopies(quantityByUser.size(), "?"));
        List<Object> check = new ArrayList<>();
        check.add(activityId);
        check.addAll(quantityByUser.keySet());
        return jdbc.queryForList("SELECT u.user_id FROM user_purchases u JOIN activity_stock s"
                + " ON s.activity_id = u.activity_id AND s.slice = 0" // the limit is on every slice; one is read
                + " WHERE u.activity_id = ? AND u.user_id IN (" + in + ")"
                + " AND u.quantity > s.limit_per_user", Long.class, check.toArray());
    }

    /** Gives a cancelled order's quantity back. */
    public void giveBack(long activityId, long userId, int quantity) {
        jdbc.update("UPDATE user_purchases SET quantity = quantity - ? WHERE activity_id = ? AND user_id = ?",
                quantity, activityId, userId);
    }
}
