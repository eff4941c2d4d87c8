package io.github.seckill.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.testsupport.InvariantReport;

/** 2,000 buyers on 1,000 units, through Kafka and Seata, with redelivered messages: the checker is green. */
class SaleRunIntegrationTest extends OrderTestSupport {

    @Test
    void twoThousandBuyersOnAThousandUnitsEndConsistent() throws Exception {
        long sale = openSale(1_000, 1);
        List<OrderPlaced> accepted = new ArrayList<>();
        for (int user = 1; user <= 2_000; user++) {
            OrderPlaced order = reserve(sale, 50_000 + user, 1);
            if (order != null) {
                accepted.add(order);
            }
        }
        assertThat(accepted).hasSize(1_000);

        for (int i = 0; i < accepted.size(); i++) {
            OrderPlaced order = accepted.get(i);
            kafka.send(topics.orderPlaced(), Long.toString(order.orderId()), json.writeValueAsString(order));
            if (i % 5 == 0) { // one in five delivered twice
                kafka.send(topics.orderPlaced(), Long.toString(order.orderId()), json.writeValueAsString(order));
            }
        }
        kafka.flush();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            InvariantReport report = invariants(sale);
            assertThat(report.green()).as("%s", report).isTrue();
        });
        InvariantReport report = invariants(sale);
        assertThat(report.sold()).isEqualTo(1_000);
        assertThat(report.orders()).isEqualTo(1_000);
        assertThat(report.redisAvailable()).isZero();
        assertThat(report.mysqlRemaining()).isZero();
        assertThat(report.maxPerUser()).isEqualTo(1);
    }
}
