package io.github.seckill.order.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.seckill.common.order.OrderStatus;

/** Which orders a search wants; every part is optional ({@code null}: any). Times bound the creation time. */
public record OrderFilter(Long userId, Long activityId, OrderStatus status, Instant from, Instant to) {

    public OrderFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFilter("'to' is before 'from'");
        }
    }

    /** A filter that cannot match by construction (400). */
    public static class InvalidFilter extends RuntimeException {

        InvalidFilter(String message) {
            super(message);
        }
    }

    /** The WHERE clause (empty for no filter), with its arguments appended to {@code args}. */
    String where(List<Object> args) {
        List<String> parts = new ArrayList<>(5);
        if (userId != null) {
            parts.add("user_id = ?");
            args.add(userId);
        }
        if (activityId != null) {
            parts.add("activity_id = ?");
            args.add(activityId);
        }
        if (status != null) {
            parts.add("status = ?");
            args.add(status.name());
        }
        if (from != null) {
            parts.add("created_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            parts.add("created_at < ?");
            args.add(Timestamp.from(to));
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }
}
