package io.github.seckill.admin.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** compensation-service's ops API: reads degrade, actions carry the service's own refusal. */
class CompensationClientTest {

    private MockRestServiceServer server;
    private CompensationClient client;

    @BeforeEach
    void bind() {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://ops").messageConverters(c -> c.add(0,
                new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json().build())));
        server = MockRestServiceServer.bindTo(builder).build();
        RestClient http = builder.build();
        client = new CompensationClient(http, http);
    }

    @Test
    void readsStuckReservationsOverviewAndArchives() {
        server.expect(requestTo("http://ops/ops/api/v1/reservations/stuck?olderThan=PT30S&limit=100"))
                .andRespond(withSuccess("""
                        [{"activityId":1,"orderId":"12","userId":3,"quantity":1,"state":"TRYING","xid":"x",
                          "reservedAt":"2026-01-01T00:00:00Z","ageSeconds":95,"nextAction":"AWAIT_COORDINATOR",
                          "nextActionAt":"2026-01-01T00:02:00Z"}]""", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://ops/ops/api/v1/overview")).andRespond(withSuccess(
                "{\"dlqBacklog\":4,\"pendingReservations\":2,\"hangingTransactions\":1,\"openArchives\":9}",
                MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://ops/ops/api/v1/archives?status=OPEN&activityId=1&page=0&size=50"))
                .andRespond(withSuccess("{\"items\":[],\"page\":0,\"size\":50,\"total\":0}",
                        MediaType.APPLICATION_JSON));

        Ops.StuckReservation stuck = client.stuck(Duration.ofSeconds(30), 100).value().get(0);
        assertThat(stuck.nextAction()).isEqualTo("AWAIT_COORDINATOR");
        assertThat(stuck.ageSeconds()).isEqualTo(95);
        assertThat(client.overview().value().dlqBacklog()).isEqualTo(4);
        assertThat(client.archives(new Ops.ArchiveQuery("OPEN", 1L, "", null, null, null)).value().total()).isZero();
        server.verify();
    }

    @Test
    void retriesManyAndResolvesAndChangesThePolicy() {
        server.expect(requestTo("http://ops/ops/api/v1/archives/retries")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("{\"ids\":[1,2]}"))
                .andRespond(withSuccess("""
                        {"results":[{"archiveId":1,"orderId":"5","result":"RETRIED","outcome":"CREATED"},
                                    {"archiveId":2,"result":"NOT_FOUND","detail":"archive 2"}]}""",
                        MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://ops/ops/api/v1/retry-policy")).andExpect(method(HttpMethod.PUT))
                .andExpect(content().json("{\"delays\":[\"PT10S\",\"PT1M\"]}"))
                .andRespond(withSuccess("{\"delays\":[\"PT10S\",\"PT1M\"],\"maxAttempts\":3,\"maxRungs\":10}",
                        MediaType.APPLICATION_JSON));

        assertThat(client.retry(List.of(1L, 2L))).extracting(Ops.RetryResult::result)
                .containsExactly("RETRIED", "NOT_FOUND");
        assertThat(client.changePolicy(List.of(Duration.ofSeconds(10), Duration.ofMinutes(1))).maxAttempts())
                .isEqualTo(3);
        server.verify();
    }

    @Test
    void aRefusalKeepsTheServicesReason() {
        server.expect(requestTo("http://ops/ops/api/v1/archives/7/resolution"))
                .andRespond(withStatus(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("{\"status\":409,\"detail\":\"archive 7 is RESOLVED, not OPEN\"}"));
        assertThatThrownBy(() -> client.resolve(7, "done")).isInstanceOf(UpstreamRefused.class)
                .hasMessage("compensation-service: archive 7 is RESOLVED, not OPEN")
                .extracting(e -> ((UpstreamRefused) e).status()).isEqualTo(409);
    }

    @Test
    void streamsTheCsvOnlyAfterA2xx() {
        server.expect(requestTo("http://ops/ops/api/v1/archives.csv?status=OPEN"))
                .andRespond(withSuccess("id,orderId\r\n1,5\r\n", new MediaType("text", "csv")));
        server.expect(requestTo("http://ops/ops/api/v1/archives.csv")).andRespond(withStatus(HttpStatus.BAD_REQUEST));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.exportCsv(new Ops.ArchiveQuery("OPEN", null, null, null, null, null), () -> out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("id,orderId\r\n1,5\r\n");

        ByteArrayOutputStream never = new ByteArrayOutputStream();
        boolean[] opened = {false};
        assertThatThrownBy(() -> client.exportCsv(new Ops.ArchiveQuery(null, null, null, null, null, null), () -> {
            opened[0] = true;
            return never;
        })).isInstanceOf(UpstreamRefused.class);
        assertThat(opened[0]).isFalse();
    }
}
