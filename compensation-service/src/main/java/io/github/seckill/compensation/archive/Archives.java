package io.github.seckill.compensation.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The failed-order archive ({@code failed_order_archives}): one row per order, never two. */
@Component
public class Archives {

    private static final String COLUMNS = "id, order_id, activity_id, payload, reason, attempts, first_error, "
            + "last_error, status, resolution, resolved_by, archived_at, updated_at";
    private static final RowMapper<ArchiveEntry> ROW = Archives::entry;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final Clock clock;
    private final Counter archived;

    Archives(JdbcTemplate jdbc, DataSource dataSource, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(Integer.MIN_VALUE); // MySQL Connector/J: stream rows, never the whole result
        this.clock = clock;
        this.archived = Counter.builder("failed.order.archived").description("Orders archived for ops")
                .register(meters);
    }

    public record Page(List<ArchiveEntry> items, int page, int size, long total) {
    }

    /** Archives the order once; false when it already was (a replayed DLQ record). */
    boolean archive(long orderId, long activityId, String payload, String reason, int attempts, String firstError,
            String lastError) {
        Timestamp now = Timestamp.from(clock.instant());
        int rows = jdbc.update("INSERT IGNORE INTO failed_order_archives (order_id, activity_id, payload, reason, "
                + "attempts, first_error, last_error, status, archived_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", orderId, activityId, payload, reason, attempts,
                firstError, lastError, now, now);
        if (rows == 1) {
            archived.increment();
        }
        return rows == 1;
    }

    public boolean contains(long orderId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM failed_order_archives WHERE order_id = ?)", Boolean.class, orderId));
    }

    public Optional<ArchiveEntry> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM failed_order_archives WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    public Page page(ArchiveFilter filter, int page, int size) {
        ArchiveFilter.Where where = filter.where();
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM failed_order_archives" + where.sql(), Long.class,
                where.args());
        List<ArchiveEntry> items = jdbc.query("SELECT " + COLUMNS + " FROM failed_order_archives" + where.sql()
                + " ORDER BY id DESC LIMIT " + size + " OFFSET " + (long) page * size, ROW, where.args());
        return new Page(items, page, size, total);
    }

    /** Every matching archive in id order, one at a time, without holding them all in memory. */
    public void each(ArchiveFilter filter, Consumer<ArchiveEntry> sink) {
        ArchiveFilter.Where where = filter.where();
        streaming.query("SELECT " + COLUMNS + " FROM failed_order_archives" + where.sql() + " ORDER BY id",
                rs -> {
                    sink.accept(entry(rs, 0));
                }, where.args());
    }

    /** Moves an OPEN archive to a final status; false when it was not OPEN any more. */
    public boolean close(long id, String status, String resolution, String actor) {
        return jdbc.update("UPDATE failed_order_archives SET status = ?, resolution = ?, resolved_by = ?, "
                + "updated_at = ? WHERE id = ? AND status = 'OPEN'", status, truncate(resolution), actor,
                Timestamp.from(clock.instant()), id) == 1;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static ArchiveEntry entry(ResultSet rs, int n) throws SQLException {
        return new ArchiveEntry(rs.getLong(1), Long.toString(rs.getLong(2)), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant());
    }
}
