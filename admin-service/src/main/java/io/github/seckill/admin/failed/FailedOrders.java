package io.github.seckill.admin.failed;

import java.io.OutputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.util.function.ThrowingSupplier;

import io.github.seckill.admin.audit.AuditLog;
import io.github.seckill.admin.upstream.CompensationClient;
import io.github.seckill.admin.upstream.Ops;
import io.github.seckill.admin.upstream.Remote;

/** Failed-order actions go to compensation-service; each one that it carried out is audited here. */
@Service
class FailedOrders {

    private final CompensationClient compensation;
    private final AuditLog audit;

    FailedOrders(CompensationClient compensation, AuditLog audit) {
        this.compensation = compensation;
        this.audit = audit;
    }

    Remote<Ops.ArchivePage> archives(Ops.ArchiveQuery q) {
        return compensation.archives(q);
    }

    Remote<Ops.ArchiveDetail> archive(long id) {
        return compensation.archive(id);
    }

    Ops.RetryResult retry(long id) {
        Ops.RetryResult result = compensation.retry(id);
        audit.recordRemote("failed-order.retry", "archive", id, null, result);
        return result;
    }

    List<Ops.RetryResult> retry(List<Long> ids) {
        List<Ops.RetryResult> results = compensation.retry(ids);
        audit.recordRemote("failed-order.retry-batch", "archive", null, ids, results);
        return results;
    }

    Ops.Archive resolve(long id, String comment) {
        Ops.Archive before = compensation.archive(id).map(Ops.ArchiveDetail::archive).orElse(null);
        Ops.Archive after = compensation.resolve(id, comment);
        audit.recordRemote("failed-order.resolve", "archive", id, before, after);
        return after;
    }

    void exportCsv(Ops.ArchiveQuery q, ThrowingSupplier<OutputStream> out) {
        compensation.exportCsv(q, out);
    }

    Remote<Ops.RetryPolicy> policy() {
        return compensation.policy();
    }

    /** Delays as ISO-8601 durations separated by commas or spaces, e.g. "PT10S, PT1M". */
    Ops.RetryPolicy changePolicy(String delays) {
        List<Duration> parsed;
        try {
            parsed = Arrays.stream(delays.split("[,\\s]+")).filter(d -> !d.isBlank())
                    .map(d -> Duration.parse(d.strip().toUpperCase())).toList();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("delays must be ISO-8601 durations such as PT30S", e);
        }
        if (parsed.isEmpty() || parsed.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("at least one positive delay");
        }
        Ops.RetryPolicy before = compensation.policy().orElse(null);
        Ops.RetryPolicy after = compensation.changePolicy(parsed);
        audit.recordRemote("retry-policy.update", "retry-policy", null, before, after);
        return after;
    }
}
