package io.github.seckill.compensation.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.compensation.CompensationTestSupport;
import io.github.seckill.compensation.PeerStubAccess;

/** The ops API over real MySQL: auth, filters, retry, resolve, CSV, policy, audit, bad input. */
class OpsApiIntegrationTest extends CompensationTestSupport {

    private static final RequestPostProcessor OPS = httpBasic("ops", "ops");

    private long archive(OrderPlaced order, String reason) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO failed_order_archives (order_id, activity_id, payload, reason, attempts, "
                + "first_error, last_error, status, archived_at, updated_at) VALUES (?, ?, ?, ?, 6, 'e1', 'e6', "
                + "'OPEN', ?, ?)", order.orderId(), order.activityId(), failedJson(order), reason, now, now);
        return jdbc.queryForObject("SELECT id FROM failed_order_archives WHERE order_id = ?", Long.class,
                order.orderId());
    }

    @Test
    void withoutCredentials401AndWithoutTheOpsRole403AsProblems() throws Exception {
        mvc.perform(get("/ops/api/v1/archives")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:unauthorized"));
        mvc.perform(get("/ops/api/v1/archives").with(httpBasic("ops", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/ops/api/v1/archives").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:forbidden"));
    }

    @Test
    void listsFiltersShowsRetriesOnceAndResolvesWithAnAuditTrail() throws Exception {
        long sale = openSale(10);
        OrderPlaced first = order(sale);
        OrderPlaced second = order(sale);
        long firstId = archive(first, "Seata TC unreachable");
        long secondId = archive(second, "lock wait timeout");
        PeerStubAccess.script(first.orderId(), "COMMITTED");

        mvc.perform(get("/ops/api/v1/archives").with(OPS).param("activityId", Long.toString(sale))
                .param("status", "OPEN").param("reason", "lock wait"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].orderId").value(Long.toString(second.orderId())));
        mvc.perform(get("/ops/api/v1/archives/{id}", firstId).with(OPS)).andExpect(status().isOk())
                .andExpect(jsonPath("$.archive.attempts").value(6));

        mvc.perform(post("/ops/api/v1/archives/retries").with(OPS).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ids\":[" + firstId + "," + firstId + ",999999999]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.results[0].result").value("SUCCEEDED"))
                .andExpect(jsonPath("$.results[1].result").value("NOT_FOUND"));
        mvc.perform(post("/ops/api/v1/archives/{id}/retry", firstId).with(OPS)).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("ALREADY_SUCCEEDED"));
        assertThat(PeerStubAccess.calls(first.orderId())).isEqualTo(1);
        mvc.perform(get("/ops/api/v1/archives/{id}", firstId).with(OPS))
                .andExpect(jsonPath("$.archive.status").value("RETRIED"))
                .andExpect(jsonPath("$.attempts[0].orderId").isString())
                .andExpect(jsonPath("$.attempts[0].orderId").value(Long.toString(first.orderId())))
                .andExpect(jsonPath("$.attempts[0].stage").value("OPS"))
                .andExpect(jsonPath("$.attempts[0].actor").value("ops"));

        mvc.perform(post("/ops/api/v1/archives/{id}/resolution", secondId).with(OPS)
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"refunded by hand\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.resolvedBy").value("ops"));
        mvc.perform(post("/ops/api/v1/archives/{id}/resolution", secondId).with(OPS)
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"again\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("urn:seckill:problem:conflict"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ops_audit WHERE actor = 'ops' AND path LIKE ?",
                Integer.class, "%/archives/" + secondId + "/resolution")).isEqualTo(2);
    }

    @Test
    void badInputIsAProblemWithStatus400Or404() throws Exception {
        mvc.perform(get("/ops/api/v1/archives").with(OPS).param("status", "WHATEVER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:validation"));
        mvc.perform(get("/ops/api/v1/archives").with(OPS).param("size", "0")).andExpect(status().isBadRequest());
        mvc.perform(get("/ops/api/v1/archives").with(OPS).param("activityId", "abc"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/ops/api/v1/archives/{id}", 987654321).with(OPS)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:not-found"));
        mvc.perform(post("/ops/api/v1/archives/retries").with(OPS).contentType(MediaType.APPLICATION_JSON)
                .content("{not json")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:malformed-request"));
        mvc.perform(put("/ops/api/v1/retry-policy").with(OPS).contentType(MediaType.APPLICATION_JSON)
                .content("{\"delays\":[\"10 seconds\"]}")).andExpect(status().isBadRequest());
        mvc.perform(put("/ops/api/v1/retry-policy").with(OPS).contentType(MediaType.APPLICATION_JSON)
                .content("{\"delays\":[\"PT1S\",\"PT1S\",\"PT1S\",\"PT1S\",\"PT1S\"]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void retryPolicyIsReadChangedAndStored() throws Exception {
        mvc.perform(get("/ops/api/v1/retry-policy").with(OPS)).andExpect(status().isOk())
                .andExpect(jsonPath("$.maxRungs").value(4));
        try {
            mvc.perform(put("/ops/api/v1/retry-policy").with(OPS).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"delays\":[\"PT1S\",\"PT2S\"]}")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.delays[1]").value("PT2S")).andExpect(jsonPath("$.maxAttempts").value(3))
                    .andExpect(jsonPath("$.updatedBy").value("ops"));
            assertThat(jdbc.queryForObject("SELECT delays FROM retry_policy WHERE id = 1", String.class))
                    .isEqualTo("PT1S,PT2S");
        } finally {
            mvc.perform(put("/ops/api/v1/retry-policy").with(OPS).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"delays\":[\"PT1S\",\"PT2S\",\"PT3S\"]}")).andExpect(status().isOk());
        }
    }

    @Test
    void csvOfTenThousandArchivesStreams() throws Exception {
        long sale = openSale(10);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(new Object[] { order(sale).orderId(), sale, "{}", i == 0 ? "says \"no\", twice" : "timeout",
                    now, now });
        }
        jdbc.batchUpdate("INSERT INTO failed_order_archives (order_id, activity_id, payload, reason, attempts, "
                + "status, archived_at, updated_at) VALUES (?, ?, ?, ?, 4, 'OPEN', ?, ?)", rows);

        MvcResult started = mvc.perform(get("/ops/api/v1/archives.csv").with(OPS)
                .param("activityId", Long.toString(sale))).andExpect(request().asyncStarted()).andReturn();
        started.getAsyncResult(60_000); // the stream written to the end (asyncDispatch alone waits 10 s at most)
        String csv = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn().getResponse()
                .getContentAsString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(10_001);
        assertThat(lines[0]).startsWith("id,orderId,activityId,status,reason");
        assertThat(lines[1]).contains(",\"says \"\"no\"\", twice\",");
    }
}
