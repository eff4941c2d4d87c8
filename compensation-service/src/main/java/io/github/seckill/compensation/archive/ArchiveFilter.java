package io.github.seckill.compensation.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Which archives to list or export; every field may be null (no filter). */
public record ArchiveFilter(String status, Long activityId, Instant from, Instant to, String reason) {

    /** The WHERE clause (starting with " WHERE", or empty) and its arguments. */
    record Where(String sql, Object[] args) {
    }

    Where where() {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (status != null) {
            parts.add("status = ?");
            args.add(status);
        }
        if (activityId != null) {
            parts.add("activity_id = ?");
            args.add(activityId);
        }
        if (from != null) {
            parts.add("archived_at >= ?");
            args.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            parts.add("archived_at < ?");
            args.add(java.sql.Timestamp.from(to));
        }
        if (reason != null) {
            parts.add("reason LIKE ?");
            args.add("%" + reason.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), args.toArray());
    }
}
