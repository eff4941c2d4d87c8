package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.common.id.SaleId;

/** Wrong types, tricks and oversized bodies: a 4xx problem, and nothing reserved or indexed. */
class HostileBodiesIntegrationTest extends ApiTestSupport {

    @Test
    void hostileBodiesAreRefusedAndWriteNothing() throws Exception {
        long sale = openSale(5, 2);
        String token = shopper();

        assertProblem(buy(token, sale, "{\"quantity\":1.5}"), HttpStatus.BAD_REQUEST, "malformed-request");
        assertProblem(buy(token, sale, "{\"quantity\":\"1\"}"), HttpStatus.BAD_REQUEST, "malformed-request");
        assertProblem(buy(token, sale, "{\"quantity\":true}"), HttpStatus.BAD_REQUEST, "malformed-request");
        assertProblem(buy(token, sale, "[1]"), HttpStatus.BAD_REQUEST, "malformed-request");
        assertProblem(buy(token, sale, "{\"quantity\":1}{\"quantity\":2}"), HttpStatus.BAD_REQUEST,
                "malformed-request");
        assertProblem(buy(token, sale, "{\"quantity\":1,\"quantity\":2}"), HttpStatus.BAD_REQUEST,
                "malformed-request");
        assertProblem(buy(token, sale, "{\"quantity\":99999999999}"), HttpStatus.BAD_REQUEST, "malformed-request");
        assertProblem(buy(token, sale, "{\"quantity\":-1}"), HttpStatus.BAD_REQUEST, "validation");
        String huge = "{\"quantity\":1,\"pad\":\"" + "x".repeat(4096) + "\"}";
        assertProblem(buy(token, sale, huge), HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large");
        assertProblem(buy(null, sale, huge), HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large");
        assertProblem(buy(token, sale, "{\"quantity\":1}", "not a valid key!"), HttpStatus.BAD_REQUEST,
                "validation");

        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);
        text.setBearerAuth(token);
        assertProblem(http.exchange("/api/v1/activities/" + sale + "/orders", HttpMethod.POST,
                new HttpEntity<>("quantity=1", text), Map.class), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type");

        assertThat(chunked(token, sale, 64 * 1024)).isEqualTo(413);
        assertThat(reservations.remaining(new SaleId(sale))).contains(5L);
        assertThat(ledgerSize(sale)).isZero();
    }

    /** A body without Content-Length, streamed in chunks: cut off while it is read. */
    private int chunked(String token, long sale, int size) throws Exception {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(
                http.getRootUri() + "/api/v1/activities/" + sale + "/orders").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setChunkedStreamingMode(512);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("Authorization", "Bearer " + token);
        try (var out = c.getOutputStream()) {
            out.write(("{\"quantity\":1,\"pad\":\"" + "x".repeat(size) + "\"}").getBytes());
        } catch (java.io.IOException closedEarly) {
            // the server may answer and close before the whole body is sent
        }
        return c.getResponseCode();
    }
}
