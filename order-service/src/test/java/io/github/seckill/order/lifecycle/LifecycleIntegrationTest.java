package io.github.seckill.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.seata.tm.api.transaction.TransactionHookAdapter;
import org.apache.seata.tm.api.transaction.TransactionHookManager;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.order.orders.OrderNotFound;
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.orders.OrderStateConflict;
import io.github.seckill.order.orders.StoredOrder;
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
        assertThat(reservations.remaining(new SaleId(sale))).contains(3L);
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
        assertThat(reservations.remaining(new SaleId(sale))).contains(0L);

        assertThat(lifecycle.cancel(order.orderId(), 5).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(lifecycle.cancel(order.orderId(), 5).status()).isEqualTo(OrderStatus.CANCELLED);

        assertThat(mysqlRemaining(sale)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT quantity FROM user_purchases WHERE activity_id = ? AND user_id = 5",
                Integer.class, sale)).isZero();
        // Redis gives back in the TCC branch's phase two, which the TC may retry after answering
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                reservations.entry(new SaleId(sale),
                        new OrderId(order.orderId())).orElseThrow().state()).isEqualTo(LedgerState.CANCELLED));
        assertThat(reservations.remaining(new SaleId(sale))).contains(2L);
        assertThat(reservations.bought(new SaleId(sale), new UserId(5))).isZero();
        assertThatThrownBy(() -> lifecycle.pay(order.orderId(), 5)).isInstanceOf(OrderStateConflict.class);
        assertThat(invariants(sale).green()).as("%s", invariants(sale)).isTrue();
    }

    /** One order's race: what the payment answered (null: 409, refunded) and whether the timeout cancelled it. */
    private record Race(OrderPlaced order, OrderStatus payment, boolean expired) {

        boolean paid() {
            return payment == OrderStatus.PAID && !expired;
        }

        boolean cancelled() {
            return payment == null && expired;
        }
    }

    /**
     * The payment and the timeout's cancel of each order, started together. Released at once, the payment
     * mostly wins: the cancel first begins a global transaction with the TC. So every other order the
     * payment is released when that transaction has begun, and the cancel mostly wins; both must happen.
     */
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
        int n = 40;
        long sale = openSale(n, 1);
        List<OrderPlaced> orders = new ArrayList<>();
        for (int user = 100; user < 100 + n; user++) {
            orders.add(created(sale, user, 1));
        }
        double refundsBefore = refunds();
        List<Race> races = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < n; i++) {
                races.add(race(orders.get(i), i % 2 == 1, pool));
            }
        } finally {
            pool.shutdown();
        }

        assertThat(races).allSatisfy(r -> assertThat(r.paid() || r.cancelled())
                .as("order %d: payment %s, expired %s", r.order().orderId(), r.payment(), r.expired()).isTrue());
        List<OrderPlaced> paid = races.stream().filter(Race::paid).map(Race::order).toList();
        List<OrderPlaced> cancelled = races.stream().filter(Race::cancelled).map(Race::order).toList();
        assertThat(paid).as("orders the payment won").isNotEmpty();
        assertThat(cancelled).as("orders the timeout won").isNotEmpty();
        assertThat(paid).allSatisfy(o -> assertThat(status(o.orderId())).isEqualTo("PAID"));
        assertThat(cancelled).allSatisfy(o -> assertThat(status(o.orderId())).isEqualTo("CANCELLED"));
        assertThat(refunds() - refundsBefore).isEqualTo(cancelled.size());
        assertThat(mysqlRemaining(sale)).isEqualTo(cancelled.size());
        // Redis gives back in the TCC branch's phase two, which the TC may retry after answering
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(cancelled).allSatisfy(o -> assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(o.orderId())).orElseThrow()
                    .state()).isEqualTo(LedgerState.CANCELLED));
            assertThat(reservations.remaining(new SaleId(sale))).contains((long) cancelled.size());
        });
        assertThat(paid).allSatisfy(o -> {
            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(o.orderId())).orElseThrow().state()).isEqualTo(LedgerState.CONFIRMED);
            assertThat(reservations.bought(new SaleId(sale), new UserId(o.userId()))).isOne();
        });
        assertThat(cancelled).allSatisfy(o -> assertThat(reservations.bought(new SaleId(sale),
                new UserId(o.userId()))).isZero());
        assertThat(invariants(sale).green()).as("%s", invariants(sale)).isTrue();
    }

    /**
     * Pays and expires one order at once. With {@code paymentAfterBegin} the payment starts when the
     * cancel's global transaction has begun (a Seata hook on the cancelling thread), otherwise both
     * start at a barrier.
     */
    private Race race(OrderPlaced order, boolean paymentAfterBegin, ExecutorService pool) {
        CyclicBarrier start = new CyclicBarrier(2);
        CountDownLatch begun = new CountDownLatch(1);
        CompletableFuture<OrderStatus> pay = CompletableFuture.supplyAsync(() -> {
            await(start);
            if (paymentAfterBegin) {
                await(begun);
            }
            try {
                return lifecycle.pay(order.orderId(), order.userId()).status();
            } catch (OrderStateConflict lostToTheCancel) {
                return null; // answered 409, refunded
            }
        }, pool);
        CompletableFuture<Boolean> expire = CompletableFuture.supplyAsync(() -> {
            StoredOrder row = rows.find(order.orderId()).orElseThrow(); // the scan has the row in hand
            TransactionHookManager.registerHook(new TransactionHookAdapter() {
                @Override
                public void afterBegin() {
                    begun.countDown();
                }
            });
            try {
                await(start);
                return lifecycle.expire(row);
            } finally {
                begun.countDown();
                TransactionHookManager.clear();
            }
        }, pool);
        return new Race(order, pay.join(), expire.join());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the cancel's global transaction began").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
