package io.github.seckill.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderFailed;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.testsupport.Coordinator;
import io.github.seckill.testsupport.KafkaProbe;
import io.github.seckill.testsupport.TestServers;

/**
 * The Seata TC goes away mid-sale: orders roll back to the compensation ladder with their
 * reservations kept, and once the TC is back, re-driving them commits each exactly once.
 */
class CoordinatorOutageIntegrationTest extends OrderTestSupport {

    @Autowired
    Placement placement;

    @Test
    void ordersDuringAnOutageGoToTheLadderAndCommitOnceWhenItIsBack() throws Exception {
        Coordinator tc = TestServers.coordinatorProcess().orElse(null);
        Assumptions.assumeTrue(tc != null, "the TC is external (SECKILL_TEST_TC_ADDRESS): cannot stop it");
        long sale = openSale(50, 1);
        List<OrderPlaced> before = new ArrayList<>();
        List<OrderPlaced> during = new ArrayList<>();
        for (int user = 1; user <= 10; user++) {
            before.add(reserved(sale, user, 1));
            during.add(reserved(sale, 100 + user, 1));
        }
        assertThat(placement.place(before).values()).containsOnly(Placement.Outcome.COMMITTED);

        try (KafkaProbe ladder = new KafkaProbe(topics.orderFailed())) {
            tc.stop();
            try {
                assertThat(placement.place(during).values()).containsOnly(Placement.Outcome.RETRYING).hasSize(10);
                Set<Long> failed = ladder.await(10, Duration.ofSeconds(60)).stream()
                        .map(r -> read(r.value()).order().orderId()).collect(Collectors.toSet());
                assertThat(failed).containsExactlyInAnyOrderElementsOf(during.stream().map(OrderPlaced::orderId)
                        .toList());
            } finally {
                tc.start();
            }
        }
        for (OrderPlaced order : during) {
            assertThat(status(order.orderId())).isNull();
            assertThat(reservations.entry(new SaleId(sale), new OrderId(order.orderId())).orElseThrow().state())
                    .isEqualTo(LedgerState.RESERVED);
        }

        // What the compensation ladder does: re-drive each, until the client is reconnected.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> during.stream().map(placement::redrive)
                        .allMatch(o -> o == Placement.Outcome.COMMITTED || o == Placement.Outcome.DUPLICATE));

        assertThat(during.stream().map(placement::redrive)).containsOnly(Placement.Outcome.DUPLICATE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE activity_id = ? AND status = 'CREATED'",
                Integer.class, sale)).isEqualTo(20);
        assertThat(invariants(sale).green()).as("%s", invariants(sale)).isTrue();
        assertThat(reservations.remaining(new SaleId(sale))).contains(30L);
    }

    private OrderFailed read(String value) {
        try {
            return json.readValue(value, OrderFailed.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
