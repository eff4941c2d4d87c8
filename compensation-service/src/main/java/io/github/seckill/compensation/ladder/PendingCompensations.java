package io.github.seckill.compensation.ladder;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The retry record of an order still being compensated: attempts and errors so far; cleared on success. */
@Component
public class PendingCompensations {

    private final JdbcTemplate jdbc;

    PendingCompensations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Pending(long orderId, long activityId, int attempts, String firstError, String lastError) {
    }

    public void failed(Attempt a) {
        Timestamp at = Timestamp.from(a.at());
        jdbc.update("INSERT INTO pending_compensations (order_id, activity_id, attempts, first_error, last_error, "
                + "first_at, last_at) VALUES (?, ?, 1, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE attempts = attempts + 1, "
                + "last_error = VALUES(last_error), last_at = VALUES(last_at)", a.orderId(), a.activityId(),
                a.errorLine(), a.errorLine(), at, at);
    }

    public void clear(long orderId) {
        jdbc.update("DELETE FROM pending_compensations WHERE order_id = ?", orderId);
    }

    public Optional<Pending> find(long orderId) {
        List<Pending> rows = jdbc.query("SELECT order_id, activity_id, attempts, first_error, last_error "
                + "FROM pending_compensations WHERE order_id = ?", (rs, n) -> new Pending(rs.getLong(1),
                        rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)), orderId);
        return rows.stream().findFirst();
    }
}
