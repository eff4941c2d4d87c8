package io.github.seckill.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.order.placement.Placement;

/** The scheduled job cancels what stays unpaid past the timeout, and restocks both sides. */
class PaymentTimeoutIntegrationTest extends OrderTestSupport {

    @Autowired
    Placement placement;
    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void unpaidOrdersAreCancelledAndPaidOnesKept() throws Exception {
        long sale = openSale(3, 1);
        OrderPlaced unpaid = reserved(sale, 1, 1);
        OrderPlaced paid = reserved(sale, 2, 1);
        placement.place(List.of(unpaid, paid));
        lifecycle.pay(paid.orderId(), 2);
        jdbc.update("UPDATE orders SET created_at = created_at - INTERVAL 1 HOUR WHERE id IN (?, ?)",
                unpaid.orderId(), paid.orderId()); // both older than the 15-minute payment timeout

        await().atMost(Duration.ofSeconds(60)).until(() -> "CANCELLED".equals(status(unpaid.orderId())));

        assertThat(jdbc.queryForObject("SELECT reason FROM orders WHERE id = ?", String.class, unpaid.orderId()))
                .isEqualTo("payment timeout");
        assertThat(status(paid.orderId())).isEqualTo("PAID");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                reservations.entry(new SaleId(sale),
                        new OrderId(unpaid.orderId())).orElseThrow().state()).isEqualTo(LedgerState.CANCELLED));
        assertThat(reservations.remaining(new SaleId(sale))).contains(2L);
        assertThat(mysqlRemaining(sale)).isEqualTo(2);
        assertThat(invariants(sale).green()).as("%s", invariants(sale)).isTrue();
    }
}
