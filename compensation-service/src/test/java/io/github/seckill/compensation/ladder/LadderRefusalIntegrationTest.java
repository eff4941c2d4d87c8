package io.github.seckill.compensation.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.compensation.CompensationTestSupport;
import io.github.seckill.compensation.PeerStubAccess;

/** A 4xx from order-service's placement, through the real client and retry topics: a failed rung, then the next. */
class LadderRefusalIntegrationTest extends CompensationTestSupport {

    private List<Map<String, Object>> log(long orderId) {
        return jdbc.queryForList("SELECT attempt, delay_ms, outcome, error_class FROM compensation_log "
                + "WHERE order_id = ? ORDER BY id", orderId);
    }

    @Test
    void aRefusedReDriveIsLoggedWithItsHttpErrorAndTheNextRungSettlesTheOrder() throws Exception {
        OrderPlaced order = order(openSale(10));
        PeerStubAccess.script(order.orderId(), "409", "COMMITTED");

        publishFailed(order);

        await().atMost(Duration.ofSeconds(30)).until(() -> log(order.orderId()).size() >= 2);
        List<Map<String, Object>> rows = log(order.orderId());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("attempt", 1).containsEntry("outcome", "FAILED");
        assertThat((String) rows.get(0).get("error_class")).contains("HttpClientErrorException");
        assertThat(rows.get(1)).containsEntry("attempt", 2).containsEntry("outcome", "COMMITTED")
                .containsEntry("delay_ms", 1000L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pending_compensations WHERE order_id = ?",
                Integer.class, order.orderId())).isZero();
    }
}
