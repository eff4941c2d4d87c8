package io.github.seckill.compensation.ops;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.github.seckill.compensation.archive.ArchiveFilter;
import io.github.seckill.compensation.archive.Archives;

/** CSV of the archives, streamed row by row from the database (any size, constant memory). */
@RestController
class ArchiveExport {

    static final String HEADER = "id,orderId,activityId,status,reason,attempts,firstError,lastError,archivedAt,"
            + "updatedAt,resolvedBy,resolution";

    private final Archives archives;

    ArchiveExport(Archives archives) {
        this.archives = archives;
    }

    @GetMapping(value = "/ops/api/v1/archives.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String status,
            @RequestParam(required = false) Long activityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String reason) {
        ArchiveFilter filter = ArchiveController.filter(status, activityId, from, to, reason);
        StreamingResponseBody body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            w.write(HEADER);
            w.write("\r\n");
            archives.each(filter, a -> {
                try {
                    w.write(String.join(",", Long.toString(a.id()), a.orderId(), Long.toString(a.activityId()),
                            a.status(), cell(a.reason()), Integer.toString(a.attempts()), cell(a.firstError()),
                            cell(a.lastError()), a.archivedAt().toString(), a.updatedAt().toString(),
                            cell(a.resolvedBy()), cell(a.resolution())));
                    w.write("\r\n");
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"failed-order-archives.csv\"")
                .body(body);
    }

    /** RFC 4180 quoting; a leading formula character is defused for spreadsheets. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
