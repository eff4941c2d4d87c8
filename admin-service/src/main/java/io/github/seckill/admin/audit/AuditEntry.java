package io.github.seckill.admin.audit;

import java.time.Instant;

/** One admin action as stored; before/after are JSON text. */
public record AuditEntry(long id, String actor, String action, String targetType, String targetId, String before,
        String after, Instant at) {
}
