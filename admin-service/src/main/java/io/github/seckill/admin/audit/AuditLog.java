package io.github.seckill.admin.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who did what, when, with the target before and after. A local change is recorded in the caller's
 * transaction (no entry without the change, no change without the entry); an action on another
 * service is recorded after that service answered.
 */
@Service
public class AuditLog {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String targetType, Object targetId, Object before, Object after) {
        append(action, targetType, targetId, before, after);
    }

    /** For actions carried out by another service: there is no local transaction to join. */
    @Transactional
    public void recordRemote(String action, String targetType, Object targetId, Object before, Object after) {
        append(action, targetType, targetId, before, after);
    }

    private void append(String action, String targetType, Object targetId, Object before, Object after) {
        jdbc.update("INSERT INTO audit_log (actor, action, target_type, target_id, before_json, after_json, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", actor(), action, targetType,
                targetId == null ? null : targetId.toString(), write(before), write(after),
                Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        if (q.actor() != null) {
            where.append(" AND actor = ?");
            args.add(q.actor());
        }
        if (q.action() != null) {
            where.append(" AND action = ?");
            args.add(q.action());
        }
        if (q.targetType() != null) {
            where.append(" AND target_type = ?");
            args.add(q.targetType());
        }
        if (q.targetId() != null) {
            where.append(" AND target_id = ?");
            args.add(q.targetId());
        }
        if (q.text() != null) {
            where.append(" AND (before_json LIKE ? OR after_json LIKE ?)");
            args.add("%" + q.text() + "%");
            args.add("%" + q.text() + "%");
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<AuditEntry> rows = jdbc.query("SELECT * FROM audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                (rs, n) -> new AuditEntry(rs.getLong("id"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target_type"), rs.getString("target_id"), rs.getString("before_json"),
                        rs.getString("after_json"), rs.getTimestamp("at").toInstant()),
                pageArgs.toArray());
        return new AuditPage(rows, q.page(), q.size(), total);
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable for the audit log: " + value.getClass(), e);
        }
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
