package io.github.seckill.admin.audit;

/** Filters of the audit search; a null or blank filter matches everything. */
public record AuditQuery(String actor, String action, String targetType, String targetId, String text, int page,
        int size) {

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        targetType = blankToNull(targetType);
        targetId = blankToNull(targetId);
        text = blankToNull(text);
        page = Math.max(0, page);
        size = size < 1 || size > 200 ? 50 : size;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
