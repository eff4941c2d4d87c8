package io.github.seckill.admin.audit;

import java.util.List;

public record AuditPage(List<AuditEntry> items, int page, int size, long total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
