package io.github.seckill.compensation.ladder;

import java.sql.Timestamp;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The compensation log, written twice: a row in MySQL and a JSON line in
 * {@code ${SECKILL_DATA_DIR}/compensation-attempts.json}. The file line is written first, so an
 * attempt is on record even when the database is what failed. The attempt that settles an order
 * also ends its pending record, in the same transaction.
 */
@Component
public class AttemptLog {

    private static final Logger file = LoggerFactory.getLogger("compensation.attempts");
    private static final Logger log = LoggerFactory.getLogger(AttemptLog.class);

    private final JdbcTemplate jdbc;
    private final PendingCompensations pending;
    private final MeterRegistry meters;
    private final DistributionSummary byAttempt;
    private final Counter successes;

    AttemptLog(JdbcTemplate jdbc, PendingCompensations pending, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.pending = pending;
        this.meters = meters;
        this.byAttempt = DistributionSummary.builder("compensation.retry.attempt")
                .description("Attempt number of each compensation attempt").serviceLevelObjectives(1, 2, 3, 4, 5, 6, 8, 10)
                .register(meters);
        this.successes = Counter.builder("compensation.success").description("Compensations that settled the order")
                .register(meters);
    }

    public void record(Attempt a, boolean success) {
        note(a, success);
        try {
            insert(a);
        } catch (DataAccessException e) {
            log.error("compensation log row lost for order {} (the JSON file has it): {}", a.orderId(),
                    e.getMessage());
        }
    }

    /**
     * The attempt that settled its order: on record, and the order's pending record ended, both or
     * neither. A failure here throws, so the message comes again; what it records (a release, a
     * re-drive) is idempotent and answers the same the second time.
     */
    @Transactional
    public void settle(Attempt a) {
        note(a, true);
        insert(a);
        pending.clear(a.orderId());
    }

    private void note(Attempt a, boolean success) {
        file.atInfo().addKeyValue("orderId", Long.toString(a.orderId())).addKeyValue("activityId", a.activityId())
                .addKeyValue("stage", a.stage()).addKeyValue("attempt", a.attempt())
                .addKeyValue("delayMs", a.delay().toMillis()).addKeyValue("outcome", a.outcome())
                .addKeyValue("errorClass", a.errorClass()).addKeyValue("errorMessage", a.errorMessage())
                .addKeyValue("actor", a.actor()).addKeyValue("at", a.at().toString())
                .log("compensation attempt {} of order {}: {}", a.attempt(), a.orderId(), a.outcome());
        Counter.builder("compensation.attempt").description("Compensation attempts by stage and outcome")
                .tag("stage", a.stage()).tag("outcome", a.outcome()).register(meters).increment();
        byAttempt.record(a.attempt());
        if (success) {
            successes.increment();
        }
    }

    private void insert(Attempt a) {
        jdbc.update("INSERT INTO compensation_log (order_id, activity_id, stage, attempt, delay_ms, outcome, "
                + "error_class, error_message, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.orderId(),
                a.activityId(), a.stage(), a.attempt(), a.delay().toMillis(), a.outcome(),
                truncate(a.errorClass(), 255), truncate(a.errorMessage(), 1000), a.actor(), Timestamp.from(a.at()));
    }

    /** True when an earlier attempt settled this order: a replayed message changes nothing. */
    public boolean settled(long orderId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM compensation_log "
                + "WHERE order_id = ? AND outcome IN ('COMMITTED', 'DUPLICATE', 'REFUSED', 'RELEASED', "
                + "'ALREADY_RELEASED', 'ALREADY_CONFIRMED'))", Boolean.class, orderId));
    }

    /** Attempts of this order in one stage so far. */
    public int count(long orderId, String stage) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM compensation_log WHERE order_id = ? AND stage = ?",
                Integer.class, orderId, stage);
    }

    public List<Attempt> history(long orderId) {
        return jdbc.query("SELECT order_id, activity_id, stage, attempt, delay_ms, outcome, error_class, "
                + "error_message, actor, at FROM compensation_log WHERE order_id = ? ORDER BY id",
                (rs, n) -> new Attempt(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        java.time.Duration.ofMillis(rs.getLong(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant()),
                orderId);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
