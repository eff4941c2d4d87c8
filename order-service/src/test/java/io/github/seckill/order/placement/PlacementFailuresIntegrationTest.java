package io.github.seckill.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.transaction.support.TransactionOperations;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.order.events.OrderEvents;
import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.testsupport.KafkaProbe;

/**
 * The failure branches of placement from Kafka, step by step: a record that cannot be read, and a poll whose
 * hand-off to the compensation ladder failed (redelivered by {@link PlacementRedelivery}).
 */
class PlacementFailuresIntegrationTest extends OrderTestSupport {

    @Value("${spring.kafka.consumer.group-id}")
    String group;
    @Autowired
    ConcurrentKafkaListenerContainerFactory<?, ?> containers;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    Clock clock;
    @Autowired
    OrderBatch batch;
    @Autowired
    OrderRows rows;
    @Autowired
    PlacementPreparation preparation;
    @Autowired
    OrderEvents events;
    @Autowired
    PlacementMetrics metrics;
    @Autowired
    StockLevels stockLevels;
    @Autowired
    SaleTurns turns;
    @Autowired
    TransactionOperations transactions;

    @Test
    void anUnreadableRecordIsSkippedAndTheNextOrderIsPlaced() throws Exception {
        long sale = openSale(5, 2);
        OrderPlaced order = reserved(sale, 61, 1);
        String key = Long.toString(order.orderId());

        try (KafkaProbe placed = new KafkaProbe(topics.orderPlaced());
                KafkaProbe ladder = new KafkaProbe(topics.orderFailed())) {
            kafka.send(topics.orderPlaced(), key, "{\"orderId\": \"not an order\"").get(); // its key: its partition
            publish(order);

            await().atMost(Duration.ofSeconds(60)).until(() -> "CREATED".equals(status(order.orderId())));
            placed.awaitHandledBy(group, Duration.ofSeconds(60)); // the offsets moved past both records
            assertThat(ladder.received()).noneMatch(r -> key.equals(r.key()));
        }
        assertThat(ordersOf(sale)).isEqualTo(1);
        assertThat(mysqlRemaining(sale)).isEqualTo(4);
        assertThat(reservations.entry(new SaleId(sale),
                new OrderId(order.orderId())).orElseThrow().state()).isEqualTo(LedgerState.CONFIRMED);
        assertThat(reservations.remaining(new SaleId(sale))).contains(4L);
    }

    @Test
    void aPollWhoseHandOffFailedIsRedeliveredAndItsCommittedOrdersAreDuplicates() throws Exception {
        long sale = openSale(5, 2);
        OrderPlaced placeable = reserved(sale, 71, 1);
        OrderPlaced heldElsewhere = reserved(sale, 72, 1);
        reservations.tryHold(new SaleId(sale), new OrderId(heldElsewhere.orderId()),
                "another-transaction"); // transient: to the ladder
        String topic = "placement-redelivery-" + UUID.randomUUID();
        admin.createOrModifyTopics(TopicBuilder.name(topic).partitions(1).replicas(1).build());

        LadderDownAtFirst ladder = new LadderDownAtFirst(this);
        List<Map<Long, Placement.Outcome>> outcomes = new CopyOnWriteArrayList<>();
        Placement placement = new Placement(batch, rows, preparation, reservations, ladder, events, metrics,
                stockLevels, turns, transactions) {
            @Override
            public Map<Long, Outcome> place(List<OrderPlaced> orders, int partition) {
                Map<Long, Outcome> placed = super.place(orders, partition);
                outcomes.add(placed);
                return placed;
            }
        };
        OrderPlacedListener listener = new OrderPlacedListener(placement, json);
        List<Integer> deliveries = new CopyOnWriteArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentMessageListenerContainer<?, ?> container = containers.createContainer(topic);
        container.getContainerProperties().setGroupId("redelivery-" + UUID.randomUUID());
        container.getContainerProperties().setMessageListener(
                (BatchAcknowledgingMessageListener<String, String>) (records, ack) -> {
                    deliveries.add(records.size());
                    ladder.down = deliveries.size() == 1; // Kafka refuses the first delivery's hand-offs
                    try {
                        listener.on(records, ack);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        throw e;
                    }
                });

        try (KafkaProbe probe = new KafkaProbe(topic); KafkaProbe toLadder = new KafkaProbe(topics.orderFailed())) {
            for (OrderPlaced order : List.of(placeable, heldElsewhere)) {
                kafka.send(topic, Long.toString(order.orderId()), json.writeValueAsString(order)).get();
            }
            container.start();
            probe.awaitHandledBy(container.getContainerProperties().getGroupId(), Duration.ofSeconds(60));

            // one poll of both; its first delivery threw, the second settled it
            assertThat(deliveries).containsExactly(2, 2);
            assertThat(failed).hasValue(1);
            assertThat(ladder.refused).isPositive();
            assertThat(outcomes).containsExactly(Map.of(placeable.orderId(), Placement.Outcome.DUPLICATE,
                    heldElsewhere.orderId(), Placement.Outcome.RETRYING));
            assertThat(toLadder.awaitKey(Long.toString(heldElsewhere.orderId()), Duration.ofSeconds(20))).hasSize(1);
        } finally {
            container.stop();
        }
        assertThat(status(placeable.orderId())).isEqualTo("CREATED");
        assertThat(ordersOf(sale)).isEqualTo(1);
        assertThat(mysqlRemaining(sale)).isEqualTo(4); // taken once
        assertThat(jdbc.queryForObject("SELECT quantity FROM user_purchases WHERE activity_id = ? AND user_id = 71",
                Integer.class, sale)).isEqualTo(1);
        assertThat(reservations.entry(new SaleId(sale), new OrderId(placeable.orderId())).orElseThrow().state())
                .isEqualTo(LedgerState.CONFIRMED);
        assertThat(reservations.entry(new SaleId(sale), new OrderId(heldElsewhere.orderId())).orElseThrow().state())
                .isEqualTo(LedgerState.TRYING);
        assertThat(reservations.remaining(new SaleId(sale))).contains(3L);
    }

    private int ordersOf(long sale) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE activity_id = ?", Integer.class, sale);
    }

    /** The compensation ladder's topic, out of reach while {@code down}: the hand-off throws as on a Kafka outage. */
    private static final class LadderDownAtFirst extends FailedOrders {

        volatile boolean down;
        volatile int refused;

        LadderDownAtFirst(PlacementFailuresIntegrationTest test) {
            super(test.kafka, test.json, test.topics, test.clock);
        }

        @Override
        void publish(OrderPlaced order, Throwable cause) {
            if (down) {
                refused++;
                throw new IllegalStateException("could not publish the hand-off of order " + order.orderId());
            }
            super.publish(order, cause);
        }
    }
}
