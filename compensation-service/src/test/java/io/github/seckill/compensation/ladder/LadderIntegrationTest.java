package io.github.seckill.compensation.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.compensation.CompensationTestSupport;
import io.github.seckill.compensation.PeerStubAccess;

/** The ladder against real Kafka retry topics and MySQL; order-service is a real HTTP stand-in. */
class LadderIntegrationTest extends CompensationTestSupport {

    private List<Map<String, Object>> log(long orderId) {
        return jdbc.queryForList("SELECT stage, attempt, delay_ms, outcome, error_class FROM compensation_log "
                + "WHERE order_id = ? ORDER BY id", orderId);
    }

    @Test
    void aTransientFailureHealsOnTheSecondAttemptAfterTheFirstDelay() throws Exception {
        OrderPlaced order = order(openSale(10));
        PeerStubAccess.script(order.orderId(), "RETRYING", "COMMITTED");

        publishFailed(order);

        await().atMost(Duration.ofSeconds(40)).until(() -> log(order.orderId()).size() >= 2);
        List<Map<String, Object>> rows = log(order.orderId());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("stage", "LADDER").containsEntry("attempt", 1)
                .containsEntry("outcome", "RETRYING").containsEntry("delay_ms", 0L);
        assertThat(rows.get(1)).containsEntry("attempt", 2).containsEntry("outcome", "COMMITTED")
                .containsEntry("delay_ms", 1000L);
        assertThat(PeerStubAccess.calls(order.orderId())).isEqualTo(2);
        // the rung really waited its delay (1 s here; 10 s by default), not only wrote it down
        assertThat(PeerStubAccess.gapsBetweenCalls(order.orderId())).singleElement()
                .satisfies(gap -> assertThat(gap).isBetween(Duration.ofMillis(900), Duration.ofSeconds(9)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pending_compensations WHERE order_id = ?",
                Integer.class, order.orderId())).isZero();
        Path file = Path.of(System.getenv().getOrDefault("SECKILL_DATA_DIR", "logs"), "compensation-attempts.json");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file)
                && Files.readString(file).contains("\"orderId\":\"" + order.orderId() + "\""));
        String line = Files.readAllLines(file).stream().filter(l -> l.contains("\"orderId\":\"" + order.orderId()))
                .filter(l -> l.contains("COMMITTED")).findFirst().orElseThrow();
        assertThat(json.readTree(line).path("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void anHttpErrorCountsAsAFailedAttemptWithItsErrorClass() throws Exception {
        OrderPlaced order = order(openSale(10));
        PeerStubAccess.script(order.orderId(), "500", "DUPLICATE");

        publishFailed(order);

        await().atMost(Duration.ofSeconds(40)).until(() -> log(order.orderId()).size() >= 2);
        List<Map<String, Object>> rows = log(order.orderId());
        assertThat(rows.get(0)).containsEntry("outcome", "FAILED");
        assertThat((String) rows.get(0).get("error_class")).contains("HttpServerErrorException");
        assertThat(rows.get(1)).containsEntry("outcome", "DUPLICATE");
    }

    @Test
    void theSameFailedEventDeliveredTwiceIsCompensatedOnce() throws Exception {
        OrderPlaced order = order(openSale(10));
        PeerStubAccess.script(order.orderId(), "COMMITTED");

        publishFailed(order);
        publishFailed(order);

        await().atMost(Duration.ofSeconds(30)).until(() -> log(order.orderId()).size() >= 2);
        assertThat(log(order.orderId())).extracting(r -> r.get("outcome")).containsExactly("COMMITTED",
                "SKIPPED_SETTLED");
        assertThat(PeerStubAccess.calls(order.orderId())).isEqualTo(1);
    }
}
