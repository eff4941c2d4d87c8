package io.github.seckill.admin.upstream;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.function.ThrowingSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * compensation-service's ops API. Reads never throw (a figure is {@link Remote unavailable});
 * actions throw {@link UpstreamRefused} with the service's own reason.
 */
public class CompensationClient {

    private static final Logger log = LoggerFactory.getLogger(CompensationClient.class);
    static final String NAME = "compensation-service";
    private static final String ARCHIVES = "/ops/api/v1/archives";

    private final RestClient http;
    private final RestClient export;

    CompensationClient(RestClient http, RestClient export) {
        this.http = http;
        this.export = export;
    }

    public Remote<Ops.ArchivePage> archives(Ops.ArchiveQuery q) {
        return read(() -> http.get().uri(b -> filter(b.path(ARCHIVES), q).queryParam("page", q.pageOrFirst())
                .queryParam("size", 50).build()).retrieve().body(Ops.ArchivePage.class));
    }

    public Remote<Ops.ArchiveDetail> archive(long id) {
        return read(() -> http.get().uri(ARCHIVES + "/{id}", id).retrieve().body(Ops.ArchiveDetail.class));
    }

    public Ops.RetryResult retry(long id) {
        return act(() -> http.post().uri(ARCHIVES + "/{id}/retry", id).retrieve().body(Ops.RetryResult.class));
    }

    public List<Ops.RetryResult> retry(List<Long> ids) {
        return act(() -> http.post().uri(ARCHIVES + "/retries").body(Map.of("ids", ids)).retrieve()
                .body(Ops.RetryResults.class).results());
    }

    public Ops.Archive resolve(long id, String comment) {
        return act(() -> http.post().uri(ARCHIVES + "/{id}/resolution", id).body(Map.of("comment", comment))
                .retrieve().body(Ops.Archive.class));
    }

    /**
     * Copies the CSV export as it arrives (constant memory, any size) to the stream {@code out} opens,
     * which is opened only once compensation-service answered 2xx: until then the caller can still
     * answer an error of its own.
     */
    public void exportCsv(Ops.ArchiveQuery q, ThrowingSupplier<OutputStream> out) {
        act(() -> export.get().uri(b -> filter(b.path("/ops/api/v1/archives.csv"), q).build())
                .exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        throw new UpstreamRefused(response.getStatusCode().value(),
                                NAME + ": export answered " + response.getStatusCode().value());
                    }
                    return response.getBody().transferTo(out.get());
                }));
    }

    public Remote<Ops.RetryPolicy> policy() {
        return read(() -> http.get().uri("/ops/api/v1/retry-policy").retrieve().body(Ops.RetryPolicy.class));
    }

    public Ops.RetryPolicy changePolicy(List<Duration> delays) {
        return act(() -> http.put().uri("/ops/api/v1/retry-policy")
                .body(Map.of("delays", delays.stream().map(Duration::toString).toList())).retrieve()
                .body(Ops.RetryPolicy.class));
    }

    public Remote<List<Ops.StuckReservation>> stuck(Duration olderThan, int limit) {
        return read(() -> http.get().uri(b -> b.path("/ops/api/v1/reservations/stuck")
                .queryParam("olderThan", olderThan.toString()).queryParam("limit", limit).build()).retrieve()
                .body(new ParameterizedTypeReference<List<Ops.StuckReservation>>() { }));
    }

    public Remote<List<Ops.StockCheck>> stock() {
        return read(() -> http.get().uri("/ops/api/v1/stock").retrieve()
                .body(new ParameterizedTypeReference<List<Ops.StockCheck>>() { }));
    }

    public Remote<Ops.Overview> overview() {
        return read(() -> http.get().uri("/ops/api/v1/overview").retrieve().body(Ops.Overview.class));
    }

    private static UriBuilder filter(UriBuilder b, Ops.ArchiveQuery q) {
        param(b, "status", q.status());
        param(b, "activityId", q.activityId());
        param(b, "from", q.from());
        param(b, "to", q.to());
        param(b, "reason", q.reason());
        return b;
    }

    private static void param(UriBuilder b, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.queryParam(name, value);
        }
    }

    private static <T> Remote<T> read(Supplier<T> call) {
        return OrderServiceClient.call(call, NAME, log);
    }

    private static <T> T act(Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientException e) {
            log.warn("{} action failed: {}", NAME, e.getMessage());
            throw OrderServiceClient.refused(NAME, e);
        }
    }
}
