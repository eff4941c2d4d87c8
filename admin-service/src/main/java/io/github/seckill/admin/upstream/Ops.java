package io.github.seckill.admin.upstream;

import java.time.Instant;
import java.util.List;

/** compensation-service's shapes, as its ops API answers them. */
public final class Ops {

    private Ops() {
    }

    public record Archive(long id, String orderId, long activityId, String payload, String reason, int attempts,
            String firstError, String lastError, String status, String resolution, String resolvedBy,
            Instant archivedAt, Instant updatedAt) {
    }

    public record ArchivePage(List<Archive> items, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** One step of the retry ladder; {@code delay} as compensation-service writes it. */
    public record Attempt(String orderId, long activityId, String stage, int attempt, Object delay, String outcome,
            String errorClass, String errorMessage, String actor, Instant at) {
    }

    public record ArchiveDetail(Archive archive, List<Attempt> attempts) {
    }

    public record RetryResult(long archiveId, String orderId, String result, String outcome, String detail) {
    }

    public record RetryResults(List<RetryResult> results) {
    }

    public record RetryPolicy(List<String> delays, int maxAttempts, int maxRungs, String updatedBy,
            Instant updatedAt) {
    }

    public record StuckReservation(long activityId, String orderId, long userId, int quantity, String state,
            String xid, Instant reservedAt, long ageSeconds, String nextAction, Instant nextActionAt) {
    }

    /** The latest Redis vs MySQL check of a live sale; {@code repair} says what the check did about a drift. */
    public record StockCheck(long activityId, long total, Long redisAvailable, Long live, Long mysqlRemaining,
            Long mysqlSold, Long drift, Integer hanging, String repair, Instant checkedAt) {
    }

    public record Overview(Long dlqBacklog, Long pendingReservations, Long hangingTransactions, Long openArchives,
            Long salesDrifting) {
    }

    /** Archive filters; null means any. Times are ISO-8601 with offset. */
    public record ArchiveQuery(String status, Long activityId, String from, String to, String reason, Integer page) {

        public int pageOrFirst() {
            return page == null || page < 0 ? 0 : page;
        }
    }
}
