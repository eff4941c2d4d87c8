package io.github.seckill.compensation.ladder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ladder's policy, stored in MySQL so every replica sees a change at its next attempt without a
 * restart. Read at each attempt; when the database cannot answer, the last policy read is used.
 */
@Component
public class RetryPolicies {

    private static final Logger log = LoggerFactory.getLogger(RetryPolicies.class);

    private final JdbcTemplate jdbc;
    private final LadderSettings settings;
    private final Clock clock;
    private volatile RetryPolicy lastKnown;

    RetryPolicies(JdbcTemplate jdbc, LadderSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.lastKnown = new RetryPolicy(settings.delays());
    }

    /** A stored policy with who changed it last and when (null for the configured default). */
    public record Current(RetryPolicy policy, int maxRungs, String updatedBy, Instant updatedAt) {
    }

    public RetryPolicy current() {
        return read().policy();
    }

    public Current read() {
        try {
            List<Current> rows = jdbc.query("SELECT delays, updated_by, updated_at FROM retry_policy WHERE id = 1",
                    (rs, n) -> new Current(RetryPolicy.parse(rs.getString(1)), settings.maxRungs(), rs.getString(2),
                            rs.getTimestamp(3).toInstant()));
            Current current = rows.isEmpty() ? new Current(new RetryPolicy(settings.delays()), settings.maxRungs(),
                    null, null) : rows.get(0);
            lastKnown = current.policy();
            return current;
        } catch (DataAccessException e) {
            log.warn("retry policy unreadable, using the last one read: {}", e.getMessage());
            return new Current(lastKnown, settings.maxRungs(), null, null);
        }
    }

    /** Stores a new policy; it applies to every attempt scheduled from now on. */
    public Current change(RetryPolicy policy, String actor) {
        if (policy.delays().size() > settings.maxRungs()) {
            throw new RetryPolicy.InvalidPolicy("at most " + settings.maxRungs()
                    + " delays (seckill.ladder.max-rungs, retry topics created at start)");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO retry_policy (id, delays, updated_by, updated_at) VALUES (1, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE delays = VALUES(delays), updated_by = VALUES(updated_by), "
                + "updated_at = VALUES(updated_at)", policy.stored(), actor, now);
        log.info("retry policy changed by {} to {}", actor, policy.delays());
        return read();
    }
}
