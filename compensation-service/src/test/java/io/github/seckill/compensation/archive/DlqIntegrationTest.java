package io.github.seckill.compensation.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.compensation.CompensationTestSupport;
import io.github.seckill.compensation.PeerStubAccess;

/** A failure that never heals walks the whole ladder into the DLQ: released, or archived with an alert. */
class DlqIntegrationTest extends CompensationTestSupport {

    private int ladderAttempts(long orderId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM compensation_log WHERE order_id = ? AND stage = 'LADDER'",
                Integer.class, orderId);
    }

    private List<String> dlqOutcomes(long orderId) {
        return jdbc.queryForList("SELECT outcome FROM compensation_log WHERE order_id = ? AND stage = 'DLQ' "
                + "ORDER BY id", String.class, orderId);
    }

    @Test
    void exhaustedOrdersAreReleasedOrArchivedWithOneUrgentAlert() throws Exception {
        long sale = openSale(10);
        OrderPlaced releasable = reserved(sale);
        OrderPlaced held = reserved(sale);
        reservations.tryHold(new SaleId(sale), new OrderId(held.orderId()),
                "xid-stuck-" + held.orderId()); // a hanging global transaction
        PeerStubAccess.script(releasable.orderId(), "RETRYING");
        PeerStubAccess.script(held.orderId(), "500");
        PeerStubAccess.refuseAlerts(held.orderId(), 1); // the webhook is down for the first alert about it
        long stockBefore = reservations.remaining(new SaleId(sale)).orElseThrow();

        publishFailed(releasable);
        publishFailed(held);

        // 1 + 3 rungs (1 s, 2 s, 3 s), then the DLQ, whose settled attempt is its last write.
        await().atMost(Duration.ofSeconds(60)).until(() -> dlqOutcomes(releasable.orderId()).contains("RELEASED"));
        assertThat(dlqOutcomes(releasable.orderId())).containsExactly("RELEASED");
        assertThat(reservations.entry(new SaleId(sale), new OrderId(releasable.orderId())).orElseThrow().state())
                .isEqualTo(LedgerState.RELEASED);
        assertThat(reservations.entry(new SaleId(sale), new OrderId(releasable.orderId())).orElseThrow().reason())
                .isEqualTo("compensation exhausted");
        assertThat(reservations.remaining(new SaleId(sale)).orElseThrow()).isEqualTo(stockBefore + 1);
        assertThat(ladderAttempts(releasable.orderId())).isEqualTo(4);
        assertThat(PeerStubAccess.calls(releasable.orderId())).isEqualTo(4);
        List<Duration> gaps = PeerStubAccess.gapsBetweenCalls(releasable.orderId());
        assertThat(gaps).as("rungs of 1 s, 2 s, 3 s really waited").hasSize(3);
        for (int rung = 0; rung < 3; rung++) {
            assertThat(gaps.get(rung)).isGreaterThanOrEqualTo(Duration.ofMillis((rung + 1) * 1000L - 100));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pending_compensations WHERE order_id = ?",
                Integer.class, releasable.orderId())).isZero();

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM failed_order_archives WHERE order_id = ?", Integer.class, held.orderId()) == 1);
        Map<String, Object> archive = jdbc.queryForMap("SELECT status, attempts, reason, first_error, last_error, "
                + "payload FROM failed_order_archives WHERE order_id = ?", held.orderId());
        assertThat(archive).containsEntry("status", "OPEN").containsEntry("attempts", 6)
                .containsEntry("reason", "Seata TC unreachable");
        assertThat((String) archive.get("first_error")).contains("HttpServerErrorException");
        assertThat((String) archive.get("last_error")).contains("HELD_BY_TRANSACTION");
        assertThat((String) archive.get("payload")).contains(Long.toString(held.orderId()));
        assertThat(ladderAttempts(held.orderId())).isEqualTo(4);

        await().atMost(Duration.ofSeconds(20)).until(() -> PeerStubAccess.alertsFor(held.orderId()).stream()
                .anyMatch(a -> "URGENT".equals(a.path("severity").asText())));
        assertThat(PeerStubAccess.alertsFor(held.orderId())).extracting(a -> a.path("severity").asText())
                .containsOnlyOnce("URGENT");
        assertThat(PeerStubAccess.alertDeliveries(held.orderId())).as("the refused alert was sent again")
                .isEqualTo(PeerStubAccess.alertsFor(held.orderId()).size() + 1);
        assertThat(PeerStubAccess.alertsFor(releasable.orderId())).isEmpty();
        assertThat(reservations.entry(new SaleId(sale),
                new OrderId(held.orderId())).orElseThrow().state()).isEqualTo(LedgerState.TRYING);
    }
}
