package io.github.seckill.compensation.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.KafkaPosition;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.compensation.CompensationTestSupport;
import io.github.seckill.compensation.PeerStubAccess;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Redis vs MySQL stock reconciliation against real Redis and MySQL (order-service's stock API is
 * the peer stub): drift measured, repaired only after two identical checks of a quiet sale.
 */
class ReconciliationIntegrationTest extends CompensationTestSupport {

    @Autowired
    StockReconciliation reconciliation;
    @Autowired
    DriftGauges gauges;
    @Autowired
    MeterRegistry meters;
    @Autowired
    StringRedisTemplate redis;

    private double drift(long sale) {
        gauges.refresh();
        return meters.get("seckill.stock.drift").tag("activity", Long.toString(sale)).gauge().value();
    }

    @Test
    void aConsistentSaleHasNoDriftWhileOrdersAreInFlight() throws Exception {
        long sale = openSale(10);
        reserved(sale);
        reserved(sale);

        StockCheck check = reconciliation.reconcile(sale); // no order reached MySQL yet: order-service says 404
        assertThat(check.redisAvailable()).isEqualTo(8);
        assertThat(check.live()).isEqualTo(2);
        assertThat(check.drift()).isZero();
        assertThat(check.repair()).isEqualTo("NONE");

        PeerStubAccess.mysqlStock(sale, 10, 3); // MySQL sold three that Redis still had on offer,
        // and Redis lost one: 7 + 2 + 3 = 12
        redis.opsForValue().decrement(reservations.keys(new SaleId(sale)).stock());
        assertThat(reconciliation.reconcile(sale).drift()).isEqualTo(2);
        assertThat(reconciliation.reconcile(sale).repair()).as("reservations in flight: never repaired")
                .isEqualTo("WATCH");
        assertThat(reservations.remaining(new SaleId(sale))).contains(7L);
        assertThat(drift(sale)).isEqualTo(2.0);
    }

    @Test
    void redisOfferingMoreThanMysqlBacksIsLoweredAfterTwoIdenticalChecks() {
        long sale = openSale(10);
        PeerStubAccess.mysqlStock(sale, 10, 4);

        StockCheck first = reconciliation.reconcile(sale);
        assertThat(first.drift()).isEqualTo(4);
        assertThat(first.repair()).isEqualTo("WATCH");
        assertThat(reservations.remaining(new SaleId(sale))).contains(10L);
        assertThat(drift(sale)).isEqualTo(4.0);

        assertThat(reconciliation.reconcile(sale).repair()).isEqualTo("LOWERED");
        assertThat(reservations.remaining(new SaleId(sale))).contains(6L);
        StockCheck after = reconciliation.reconcile(sale);
        assertThat(after.drift()).isZero();
        assertThat(after.repair()).isEqualTo("NONE");
        assertThat(drift(sale)).isZero();
    }

    @Test
    void strandedStockIsGivenBackOnlyOnceNothingIsPending() throws Exception {
        long sale = openSale(10);
        PeerStubAccess.mysqlStock(sale, 10, 0);
        reservations.reconcile(new SaleId(sale), 10, 5); // five units lost from Redis
        OrderPlaced inFlight = reserved(sale);

        assertThat(reconciliation.reconcile(sale).drift()).isEqualTo(-5);
        assertThat(reconciliation.reconcile(sale).repair()).isEqualTo("WATCH");
        assertThat(reservations.remaining(new SaleId(sale))).contains(4L);

        reservations.release(new SaleId(sale), new OrderId(inFlight.orderId()), "gone");
        assertThat(reconciliation.reconcile(sale).repair()).as("first quiet check").isEqualTo("WATCH");
        assertThat(reconciliation.reconcile(sale).repair()).isEqualTo("RAISED");
        assertThat(reservations.remaining(new SaleId(sale))).contains(10L);
        assertThat(meters.counter("seckill.stock.repairs", "outcome", "RAISED").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aTransactionHoldingItsReservationTooLongCountsAsHanging() throws Exception {
        long sale = openSale(10);
        OrderPlaced held = reserved(sale);
        reservations.tryHold(new SaleId(sale), new OrderId(held.orderId()), "10.0.0.1:8091:77");
        redis.opsForZSet().add(reservations.keys(new SaleId(sale)).pending(), Long.toString(held.orderId()),
                Instant.now().minusSeconds(120).toEpochMilli());

        StockCheck check = reconciliation.reconcile(sale);
        assertThat(check.hanging()).isEqualTo(1);
        assertThat(check.drift()).isZero();
        gauges.refresh();
        assertThat(meters.get("seckill.tx.hanging").gauge().value()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void opsSeeDriftStuckReservationsAndAnOverview() throws Exception {
        long sale = openSale(10);
        PeerStubAccess.mysqlStock(sale, 10, 1);
        OrderPlaced old = reserved(sale);
        OrderPlaced taken = reserved(sale);
        // both sent by the API (no group of order-service here has taken either: the sweeper leaves them)
        reservations.markSent(new SaleId(sale), new OrderId(old.orderId()), new KafkaPosition(0, 1_000_000));
        reservations.markSent(new SaleId(sale), new OrderId(taken.orderId()), new KafkaPosition(0, 1_000_001));
        Instant foundTaken = Instant.now().minusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        redis.opsForHash().put(reservations.keys(new SaleId(sale)).ledger(), taken.orderId() + ":c",
                Long.toString(foundTaken.toEpochMilli()));
        for (OrderPlaced o : new OrderPlaced[] { old, taken }) {
            redis.opsForZSet().add(reservations.keys(new SaleId(sale)).pending(), Long.toString(o.orderId()),
                    Instant.now().minusSeconds(60).toEpochMilli());
        }
        reconciliation.reconcile(sale);

        mvc.perform(get("/ops/api/v1/stock").with(httpBasic("ops", "ops"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.activityId == " + sale + ")].drift").value(1));
        mvc.perform(get("/ops/api/v1/reservations/stuck").param("olderThan", "PT30S").with(httpBasic("ops", "ops")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.orderId == '" + old.orderId() + "')].state").value("RESERVED"))
                .andExpect(jsonPath("$[?(@.orderId == '" + old.orderId() + "')].nextAction")
                        .value("AWAIT_ORDER_SERVICE"))
                .andExpect(jsonPath("$[?(@.orderId == '" + taken.orderId() + "')].nextAction").value("RELEASE"))
                .andExpect(jsonPath("$[?(@.orderId == '" + taken.orderId() + "')].nextActionAt")
                        .value(foundTaken.plusSeconds(120).toString()));
        mvc.perform(get("/ops/api/v1/overview").with(httpBasic("ops", "ops"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.salesDrifting").isNumber())
                .andExpect(jsonPath("$.pendingReservations").isNumber());
        mvc.perform(get("/ops/api/v1/reservations/stuck").param("olderThan", "soon").with(httpBasic("ops", "ops")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("urn:seckill:problem:validation"));
        mvc.perform(get("/ops/api/v1/reservations/stuck").param("limit", "0").with(httpBasic("ops", "ops")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/ops/api/v1/overview")).andExpect(status().isUnauthorized());
    }
}
