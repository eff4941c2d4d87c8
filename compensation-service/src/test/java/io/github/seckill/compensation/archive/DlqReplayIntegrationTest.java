package io.github.seckill.compensation.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.compensation.CompensationTestSupport;
import io.github.seckill.compensation.PeerStubAccess;

/** The same DLQ record delivered twice through Kafka: the second delivery changes nothing. */
class DlqReplayIntegrationTest extends CompensationTestSupport {

    private List<String> dlqOutcomes(long orderId) {
        return jdbc.queryForList("SELECT outcome FROM compensation_log WHERE order_id = ? AND stage = 'DLQ' "
                + "ORDER BY id", String.class, orderId);
    }

    private void publishToDlq(OrderPlaced order) throws Exception {
        kafka.send(topics.orderDlq(), Long.toString(order.orderId()), failedJson(order)).get();
    }

    @Test
    void aReleasedOrderIsReleasedOnceAndItsReplayIsSkipped() throws Exception {
        long sale = openSale(10);
        OrderPlaced order = reserved(sale);
        long stockBefore = reservations.remaining(new SaleId(sale)).orElseThrow();

        publishToDlq(order);
        publishToDlq(order);

        await().atMost(Duration.ofSeconds(30)).until(() -> dlqOutcomes(order.orderId()).size() >= 2);
        assertThat(dlqOutcomes(order.orderId())).containsExactly("RELEASED", "SKIPPED_SETTLED");
        assertThat(reservations.remaining(new SaleId(sale)).orElseThrow()).isEqualTo(stockBefore + 1);
        assertThat(reservations.entry(new SaleId(sale), new OrderId(order.orderId())).orElseThrow().state()).isEqualTo(LedgerState.RELEASED);
    }

    @Test
    void anOrderNoReservationKnowsIsArchivedAtOnceAndItsReplayRaisesNoSecondAlert() throws Exception {
        OrderPlaced order = order(openSale(10)); // never reserved: release answers UNKNOWN_ORDER

        publishToDlq(order);
        await().atMost(Duration.ofSeconds(30)).until(() -> PeerStubAccess.alertsFor(order.orderId()).size() == 1);
        publishToDlq(order);

        await().atMost(Duration.ofSeconds(30)).until(() -> dlqOutcomes(order.orderId()).size() >= 2);
        assertThat(dlqOutcomes(order.orderId())).containsExactly("UNKNOWN_ORDER", "SKIPPED_SETTLED");
        assertThat(jdbc.queryForObject("SELECT attempts FROM failed_order_archives WHERE order_id = ?",
                Integer.class, order.orderId())).isEqualTo(1);
        assertThat(PeerStubAccess.alertsFor(order.orderId())).extracting(a -> a.path("severity").asText())
                .containsExactly("URGENT");
    }
}
