package io.github.seckill.compensation.archive;

import java.time.Instant;

/** One archived order as ops see it. */
public record ArchiveEntry(long id, String orderId, long activityId, String payload, String reason, int attempts,
        String firstError, String lastError, String status, String resolution, String resolvedBy, Instant archivedAt,
        Instant updatedAt) {
}
