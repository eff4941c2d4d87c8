package io.github.seckill.compensation.ops;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.compensation.archive.ArchiveEntry;
import io.github.seckill.compensation.archive.ArchiveFilter;
import io.github.seckill.compensation.archive.Archives;
import io.github.seckill.compensation.ladder.Attempt;
import io.github.seckill.compensation.ladder.AttemptLog;

/** The failed-order archive for ops: list, show, retry, resolve. */
@RestController
@RequestMapping("/ops/api/v1/archives")
class ArchiveController {

    static final Set<String> STATUSES = Set.of("OPEN", "RETRIED", "RESOLVED");
    private static final int MAX_BATCH = 500;

    private final Archives archives;
    private final AttemptLog attempts;
    private final ArchiveRetries retries;

    ArchiveController(Archives archives, AttemptLog attempts, ArchiveRetries retries) {
        this.archives = archives;
        this.attempts = attempts;
        this.retries = retries;
    }

    record Detail(ArchiveEntry archive, List<Attempt> attempts) {
    }

    record Batch(List<Long> ids) {
    }

    record Resolution(String comment) {
    }

    @GetMapping
    Archives.Page list(@RequestParam(required = false) String status, @RequestParam(required = false) Long activityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidRequest("page", "must be >= 0, with size 1..500");
        }
        return archives.page(filter(status, activityId, from, to, reason), page, size);
    }

    @GetMapping("/{id}")
    Detail show(@PathVariable long id) {
        ArchiveEntry archive = archives.find(id).orElseThrow(() -> new NotFound("archive " + id));
        return new Detail(archive, attempts.history(Long.parseLong(archive.orderId())));
    }

    @PostMapping("/{id}/retry")
    ArchiveRetries.Result retry(@PathVariable long id, Principal who) {
        return retries.retry(id, who.getName());
    }

    @PostMapping("/retries")
    Map<String, List<ArchiveRetries.Result>> retryMany(@RequestBody Batch batch, Principal who) {
        if (batch.ids() == null || batch.ids().isEmpty() || batch.ids().size() > MAX_BATCH) {
            throw new InvalidRequest("ids", "must hold 1.." + MAX_BATCH + " archive ids");
        }
        return Map.of("results", batch.ids().stream().distinct().map(id -> retrySafely(id, who.getName())).toList());
    }

    @PostMapping("/{id}/resolution")
    ArchiveEntry resolve(@PathVariable long id, @RequestBody Resolution resolution, Principal who) {
        if (resolution.comment() == null || resolution.comment().isBlank() || resolution.comment().length() > 1000) {
            throw new InvalidRequest("comment", "must be 1..1000 characters");
        }
        ArchiveEntry archive = archives.find(id).orElseThrow(() -> new NotFound("archive " + id));
        if (!archives.close(id, "RESOLVED", resolution.comment(), who.getName())) {
            throw new Conflict("archive " + id + " is " + archive.status() + ", not OPEN");
        }
        return archives.find(id).orElseThrow();
    }

    private ArchiveRetries.Result retrySafely(long id, String actor) {
        try {
            return retries.retry(id, actor);
        } catch (NotFound e) {
            return new ArchiveRetries.Result(id, null, "NOT_FOUND", null, e.getMessage());
        }
    }

    static ArchiveFilter filter(String status, Long activityId, OffsetDateTime from, OffsetDateTime to,
            String reason) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequest("status", "must be one of " + STATUSES);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequest("from", "must be before to");
        }
        return new ArchiveFilter(status, activityId, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), reason == null || reason.isBlank() ? null : reason);
    }
}
