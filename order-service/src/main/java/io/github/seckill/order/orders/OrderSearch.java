package io.github.seckill.order.orders;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.github.seckill.common.order.OrderStatus;

/** Read-side queries over orders: filtered pages for shoppers and the back office, counts per sale. */
@Repository
public class OrderSearch {

    private final JdbcTemplate jdbc;

    OrderSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of matching orders, newest first. */
    public List<StoredOrder> page(OrderFilter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(OrderRows.SELECT + where + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                OrderRows.ORDER, args.toArray());
    }

    public long count(OrderFilter filter) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("SELECT COUNT(*) FROM orders" + filter.where(args), Long.class, args.toArray());
    }

    /**
     * The sale's orders in MySQL by status: CREATED, PAID and CANCELLED, each present (0 where none).
     * PENDING and FAILED orders are never rows here: they live in the sale's Redis ledger (design §3).
     */
    public Map<OrderStatus, Long> countsByStatus(long activityId) {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : List.of(OrderStatus.CREATED, OrderStatus.PAID, OrderStatus.CANCELLED)) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT status, COUNT(*) AS n FROM orders WHERE activity_id = ? GROUP BY status",
                rs -> {
                    counts.put(OrderStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                }, activityId);
        return counts;
    }
}
