package io.github.seckill.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.order.orders.OrderNotFound;
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.orders.OrderStateConflict;
import io.github.seckill.order.placement.Placement;
import io.github.seckill.testsupport.KafkaProbe;
import io.micrometer.core.instrument.MeterRegistry;

/** Pay, cancel and payment timeout against real MariaDB, Redis, Kafka and the Seata TC. */
class LifecycleIntegrationTest extends OrderTestSupport {

    @Autowired
    Placement placement;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    PaymentProvider provider;
    @Autowired
    OrderRows rows;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void approvePayments() {
        provider.switchTo(PaymentProvider.Mode.APPROVE);
    }

    private OrderPlaced created(long sale, long user, int quantity) throws Exception {
        OrderPlaced order = reserved(sale, user, quantity);
        assertThat(placement.place(order)).isEqualTo(Placement.Outcome.COMMITTED);
        return order;
    }

    private double refunds() {
        return meters.counter("seckill.payment.refunds").count();
    }

    @Test
    void paymentMarksTheOrderPaidOnce() throws Exception {
        long sale = openSale(5, 2);
        OrderPlaced order = created(sale, 1, 2);

        assertThat(lifecycle.pay(order.orderId(), 1).status()).isEqualTo(OrderStatus.PAID);
        assertThat(lifecycle.pay(order.orderId(), 1).status()).isEqualTo(OrderStatus.PAID);

        assertThat(status(order.orderId())).isEqualTo("PAID");
        assertThat(mysqlRemaining(sale)).isEqualTo(3);
        assertThatThrownBy(() -> lifecycle.cancel(order.orderId(), 1)).isInstanceOf(OrderStateConflict.class);
        assertThat(reservations.remaining(sale)).contains(3L);
    }

    @Test
    void declinedOrHangingPaymentLeavesTheOrderCreated() throws Exception {
        long sale = openSale(5, 2);
        OrderPlaced order = created(sale, 2, 1);

        provider.switchTo(PaymentProvider.Mode.DECLINE);
        assertThatThrownBy(() -> lifecycle.pay(order.orderId(), 2)).isInstanceOf(PaymentDeclined.class);
        provider.switchTo(PaymentProvider.Mode.HANG);
        assertThatThrownBy(() -> lifecycle.pay(order.orderId(), 2)).isInstanceOf(PaymentUnavailable.class);

        assertThat(status(order.orderId())).isEqualTo("CREATED");
    }

    @Test
    void anotherShoppersOrderIsNotFound() throws Exception {
        long sale = openSale(5, 2);
        OrderPlaced order = created(sale, 3, 1);

        assertThatThrownBy(() -> lifecycle.pay(order.orderId(), 4)).isInstanceOf(OrderNotFound.class);
        assertThatThrownBy(() -> lifecycle.cancel(order.orderId(), 4)).isInstanceOf(OrderNotFound.class);
        assertThat(status(order.orderId())).isEqualTo("CREATED");
    }

    @Test
    void cancelGivesEverythingBackOnce() throws Exception {
        long sale = openSale(2, 2);
        OrderPlaced order = created(sale, 5, 2);
        assertThat(reservations.remaining(sale)).contains(0L);

        assertThat(lifecycle.cancel(order.orderId(), 5).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(lifecycle.cancel(order.orderId(), 5).status()).isEqualTo(OrderStatus.CANCELLED);

        assertThat(mysqlRemaining(sale)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT quantity FROM user_purchases WHERE activity_id = ? AND user_id = 5",
                Integer.class, sale)).isZero();
        // Redis gives back in the TCC branch's phase two, which the TC may retry after answering
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                reservations.entry(sale, order.orderId()).orElseThrow().state()).isEqualTo(LedgerState.CANCELLED));
        assertThat(reservations.remaining(sale)).contains(2L);
        assertThat(reservations.bought(sale, 5)).isZero();
        assertThatThrownBy(() -> lifecycle.pay(order.orderId(), 5)).isInstanceOf(OrderStateConflict.class);
        assertThat(invariants(sale).green()).as("%s", invariants(sale)).isTrue();
    }

    @Test
    void paymentAndCancelArePublishedOnceEach() throws Exception {
        long sale = openSale(5, 2);
        try (KafkaProbe events = new KafkaProbe(topics.orderEvents())) {
            OrderPlaced paid = created(sale, 6, 1);
            OrderPlaced cancelled = created(sale, 7, 1);

            lifecycle.pay(paid.orderId(), 6);
            lifecycle.pay(paid.orderId(), 6);
            lifecycle.cancel(cancelled.orderId(), 7);
            lifecycle.cancel(cancelled.orderId(), 7);

            assertThat(publishedStatuses(events, paid.orderId())).containsExactly(OrderStatus.CREATED,
                    OrderStatus.PAID);
            assertThat(publishedStatuses(events, cancelled.orderId())).containsExactly(OrderStatus.CREATED,
                    OrderStatus.CANCELLED);
        }
    }

    @Test
    void paymentRacingTheTimeoutEndsPaidOrCancelledNeverBoth() throws Exception {
        long sale = openSale(40, 1);
        List<OrderPlaced> orders = new ArrayList<>();
        for (int user = 100; user < 120; user++) {
            orders.add(created(sale, user, 1));
        }
        double refundsBefore = refunds();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (OrderPlaced order : orders) {
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<Void> pay = CompletableFuture.runAsync(() -> {
                    await(start);
                    try {
                        lifecycle.pay(order.orderId(), order.userId());
                    } catch (OrderStateConflict lostToTheCancel) {
                        // refunded
                    }
                }, pool);
                CompletableFuture<Void> expire = CompletableFuture.runAsync(() -> {
                    await(start);
                    lifecycle.expire(rows.find(order.orderId()).orElseThrow());
                }, pool);
                CompletableFuture.allOf(pay, expire).join();
            }
        } finally {
            pool.shutdown();
        }

        long paid = orders.stream().filter(o -> "PAID".equals(status(o.orderId()))).count();
        long cancelled = orders.stream().filter(o -> "CANCELLED".equals(status(o.orderId()))).count();
        assertThat(paid + cancelled).isEqualTo(20);
        assertThat(refunds() - refundsBefore).isEqualTo(cancelled);
        assertThat(reservations.remaining(sale)).contains(40 - paid);
        assertThat(mysqlRemaining(sale)).isEqualTo(40 - paid);
        assertThat(invariants(sale).green()).as("%s", invariants(sale)).isTrue();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
