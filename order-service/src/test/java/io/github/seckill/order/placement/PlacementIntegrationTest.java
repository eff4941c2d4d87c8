package io.github.seckill.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.OrderFailed;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.messaging.OrderStatusChanged;
import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.testsupport.KafkaProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Placement against real MariaDB, Redis, Kafka and the Seata TC. */
class PlacementIntegrationTest extends OrderTestSupport {

    @Autowired
    Placement placement;

    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.consumer.group-id}")
    String group;

    /** Orders placement found already placed, by a direct call or by the listener. */
    private double duplicates() {
        Counter counter = meters.find("seckill.orders.placed").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private int undoLogRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM undo_log", Integer.class);
    }

    @Test
    void orderFromKafkaCommitsInMySqlConfirmsTheReservationAndTellsTheWorld() throws Exception {
        long sale = openSale(5, 2);
        OrderPlaced order = reserved(sale, 7, 2);

        try (KafkaProbe events = new KafkaProbe(topics.orderEvents())) {
            publish(order);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    reservations.entry(new SaleId(sale),
                            new OrderId(order.orderId())).orElseThrow().state()).isEqualTo(LedgerState.CONFIRMED));
            // other tests' events may share the topic, in any order: this order's, by its key
            List<ConsumerRecord<String, String>> mine = events.awaitKey(Long.toString(order.orderId()),
                    Duration.ofSeconds(30));
            assertThat(mine).hasSize(1);
            OrderStatusChanged event = json.readValue(mine.get(0).value(), OrderStatusChanged.class);
            assertThat(event.orderId()).isEqualTo(order.orderId());
            assertThat(event.status()).isEqualTo(OrderStatus.CREATED);
        }
        Map<String, Object> row = jdbc.queryForMap("SELECT status, quantity, amount, xid FROM orders WHERE id = ?",
                order.orderId());
        assertThat(row.get("status")).isEqualTo("CREATED");
        assertThat(row.get("quantity")).isEqualTo(2);
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("39.80");
        assertThat((String) row.get("xid")).isNotBlank();
        assertThat(mysqlRemaining(sale)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT quantity FROM user_purchases WHERE activity_id = ? AND user_id = 7",
                Integer.class, sale)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> undoLogRows() == 0);
        assertThat(invariants(sale).green()).as("%s", invariants(sale)).isTrue();
    }

    @Test
    void replayedOrderChangesNothing() throws Exception {
        long sale = openSale(5, 2);
        OrderPlaced order = reserved(sale, 8, 1);

        assertThat(placement.place(order)).isEqualTo(Placement.Outcome.COMMITTED);
        assertThat(placement.place(order)).isEqualTo(Placement.Outcome.DUPLICATE);
        double duplicates = duplicates();
        try (KafkaProbe placed = new KafkaProbe(topics.orderPlaced())) {
            publish(order); // redelivered after a crash between the commit and the offset commit
            publish(order);

            // both replays handled by the listener (in one poll or two), found to be duplicates
            placed.awaitHandledBy(group, Duration.ofSeconds(60));
        }
        assertThat(duplicates()).isGreaterThan(duplicates);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE id = ?", Integer.class, order.orderId()))
                .isEqualTo(1);
        assertThat(mysqlRemaining(sale)).isEqualTo(4);
        assertThat(reservations.remaining(new SaleId(sale))).contains(4L);
    }

    @Test
    void anOrderIdAnotherShoppersOrderHoldsIsRefusedNotTakenForADuplicate() throws Exception {
        long first = openSale(5, 2);
        long second = openSale(5, 2);
        OrderPlaced mine = reserved(first, 51, 1);
        assertThat(placement.place(mine)).isEqualTo(Placement.Outcome.COMMITTED);
        // another shopper API instance numbered another shopper's order in another sale the same
        OrderPlaced theirs = OrderPlaced.of(mine.orderId(), second, 52, 1, new BigDecimal("19.90"), Instant.now());
        assertThat(reservations.reserve(new SaleId(second), new OrderId(theirs.orderId()), new UserId(52), 1,
                json.writeValueAsString(theirs)).reserved())
                .isTrue();

        assertThat(placement.place(theirs)).isEqualTo(Placement.Outcome.REFUSED);

        var entry = reservations.entry(new SaleId(second), new OrderId(theirs.orderId())).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.RELEASED);
        assertThat(entry.reason()).isEqualTo(Placement.ID_TAKEN);
        assertThat(reservations.remaining(new SaleId(second))).contains(5L);
        assertThat(reservations.bought(new SaleId(second), new UserId(52))).isZero();
        assertThat(jdbc.queryForMap("SELECT activity_id, user_id FROM orders WHERE id = ?", mine.orderId()))
                .containsEntry("activity_id", first).containsEntry("user_id", 51L);
        assertThat(reservations.entry(new SaleId(first),
                new OrderId(mine.orderId())).orElseThrow().state()).isEqualTo(LedgerState.CONFIRMED);
    }

    @Test
    void failureInTheMySqlBranchRollsBackBothSides() throws Exception {
        long sale = openSale(5, 2);
        assertThat(placement.place(reserved(sale, 9, 1))).isEqualTo(Placement.Outcome.COMMITTED);
        jdbc.update("UPDATE activity_stock SET remaining = 0 WHERE activity_id = ?", sale); // MySQL drifted
        OrderPlaced order = reserved(sale, 10, 2);
        assertThat(reservations.remaining(new SaleId(sale))).contains(2L);

        assertThat(placement.place(order)).isEqualTo(Placement.Outcome.REFUSED);

        assertThat(status(order.orderId())).isNull();
        assertThat(reservations.remaining(new SaleId(sale))).contains(4L);
        assertThat(reservations.bought(new SaleId(sale), new UserId(10))).isZero();
        var entry = reservations.entry(new SaleId(sale), new OrderId(order.orderId())).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.RELEASED);
        assertThat(entry.reason()).isEqualTo("no stock left in MySQL");
        assertThat(mysqlRemaining(sale)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> undoLogRows() == 0);
    }

    @Test
    void oneBadOrderDoesNotFailTheGoodOnesOfItsBatch() throws Exception {
        long sale = openSale(10, 2);
        List<OrderPlaced> batch = List.of(reserved(sale, 21, 1), reserved(sale, 22, 1), reserved(sale, 23, 2),
                reserved(sale, 24, 1));
        jdbc.update("INSERT INTO user_purchases (activity_id, user_id, quantity) VALUES (?, 23, 1)", sale); // drift

        Map<Long, Placement.Outcome> outcomes = placement.place(batch);

        assertThat(outcomes.values()).containsExactly(Placement.Outcome.COMMITTED, Placement.Outcome.COMMITTED,
                Placement.Outcome.REFUSED, Placement.Outcome.COMMITTED);
        assertThat(status(batch.get(2).orderId())).isNull();
        assertThat(reservations.entry(new SaleId(sale), new OrderId(batch.get(2).orderId())).orElseThrow().reason())
                .isEqualTo("over the per-user limit in MySQL");
        assertThat(mysqlRemaining(sale)).isEqualTo(7);
        assertThat(reservations.remaining(new SaleId(sale))).contains(7L);
    }

    @Test
    void aRolledBackBatchPublishesNothingAndItsCommittedHalvesOneCreatedPerOrder() throws Exception {
        long sale = openSale(10, 2);
        List<OrderPlaced> batch = List.of(reserved(sale, 31, 1), reserved(sale, 32, 1), reserved(sale, 33, 2),
                reserved(sale, 34, 1));
        OrderPlaced bad = batch.get(2);
        jdbc.update("INSERT INTO user_purchases (activity_id, user_id, quantity) VALUES (?, 33, 1)", sale); // drift

        try (KafkaProbe events = new KafkaProbe(topics.orderEvents())) {
            // the batch of four rolls back, then its halves: one commits, the other is halved again
            assertThat(placement.place(batch).values()).containsExactly(Placement.Outcome.COMMITTED,
                    Placement.Outcome.COMMITTED, Placement.Outcome.REFUSED, Placement.Outcome.COMMITTED);

            assertThat(pendingStatuses(bad.orderId())).doesNotContain(OrderStatus.CREATED);
            for (OrderPlaced good : List.of(batch.get(0), batch.get(1), batch.get(3))) {
                assertThat(publishedStatuses(events, good.orderId())).as("order %d", good.orderId())
                        .containsExactly(OrderStatus.CREATED);
            }
            assertThat(publishedStatuses(events, bad.orderId())).containsExactly(OrderStatus.FAILED);
            OrderStatusChanged failed = json.readValue(events.awaitKey(Long.toString(bad.orderId()),
                    Duration.ofSeconds(1)).get(0).value(), OrderStatusChanged.class);
            assertThat(failed.reason()).isEqualTo("over the per-user limit in MySQL");
        }
    }

    @Test
    void theBadOrderOfABigBatchIsFoundByHalvingIt() throws Exception {
        long sale = openSale(100, 1);
        List<OrderPlaced> batch = reservedByNewShoppers(sale, 3000, 64);
        OrderPlaced bad = batch.get(41);
        jdbc.update("INSERT INTO user_purchases (activity_id, user_id, quantity) VALUES (?, ?, 1)", sale,
                bad.userId()); // drift: MySQL says this shopper already bought

        Map<Long, Placement.Outcome> outcomes = placement.place(batch);

        assertThat(outcomes.get(bad.orderId())).isEqualTo(Placement.Outcome.REFUSED);
        assertThat(outcomes.values()).filteredOn(o -> o == Placement.Outcome.COMMITTED).hasSize(63);
        // 64 -> 32 -> 16 -> 8 -> 4 -> 2 -> 1: at each of the six steps one half commits
        assertThat(globalTransactions(sale)).isEqualTo(6);
        assertThat(status(bad.orderId())).isNull();
        assertThat(mysqlRemaining(sale)).isEqualTo(37);
        assertThat(reservations.remaining(new SaleId(sale))).contains(37L);
    }

    @Test
    void aFullPollOfOrdersIsOneGlobalTransaction() throws Exception {
        long sale = openSale(1100, 1);
        // max-poll-records: the TC must take the TCC branch's 1,000 ids
        List<OrderPlaced> batch = reservedByNewShoppers(sale, 10_000, 1000);

        Map<Long, Placement.Outcome> outcomes = placement.place(batch);

        assertThat(outcomes.values()).containsOnly(Placement.Outcome.COMMITTED).hasSize(1000);
        assertThat(globalTransactions(sale)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(invariants(sale).green())
                .as("%s", invariants(sale)).isTrue());
        assertThat(mysqlRemaining(sale)).isEqualTo(100);
    }

    @Test
    void reservationHeldElsewhereIsSentToTheLadder() throws Exception {
        long sale = openSale(5, 2);
        OrderPlaced order = reserved(sale, 11, 1);
        reservations.tryHold(new SaleId(sale), new OrderId(order.orderId()), "another-transaction");

        try (KafkaProbe failed = new KafkaProbe(topics.orderFailed())) {
            assertThat(placement.place(order)).isEqualTo(Placement.Outcome.RETRYING);

            List<ConsumerRecord<String, String>> records = failed.awaitKey(Long.toString(order.orderId()),
                    Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            OrderFailed message = json.readValue(records.get(0).value(), OrderFailed.class);
            assertThat(message.order()).isEqualTo(order);
        }
        assertThat(status(order.orderId())).isNull();
        assertThat(reservations.entry(new SaleId(sale),
                new OrderId(order.orderId())).orElseThrow().state()).isEqualTo(LedgerState.TRYING);
        assertThat(reservations.remaining(new SaleId(sale))).contains(4L);
    }

    /** One unit each for {@code count} shoppers numbered from {@code firstUser + 1}, reserved in Redis. */
    private List<OrderPlaced> reservedByNewShoppers(long sale, int firstUser, int count) throws Exception {
        List<OrderPlaced> batch = new java.util.ArrayList<>(count);
        for (int user = firstUser + 1; user <= firstUser + count; user++) {
            batch.add(reserved(sale, user, 1));
        }
        return batch;
    }

    private int globalTransactions(long sale) {
        return jdbc.queryForObject("SELECT COUNT(DISTINCT xid) FROM orders WHERE activity_id = ?", Integer.class,
                sale);
    }
}
