package io.github.seckill.compensation.sweeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.KafkaPosition;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.compensation.CompensationTestSupport;
import io.github.seckill.compensation.ladder.Attempt;
import io.github.seckill.compensation.ladder.PendingCompensations;
import io.github.seckill.testsupport.KafkaProbe;
import io.github.seckill.testsupport.TestServers;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ledger as outbox: what Kafka never acknowledged is published again and marked; what waits in
 * Kafka is never touched, however old; what order-service took and left RESERVED is released
 * {@code hanging-timeout} after that was found; what Kafka refused for the whole timeout is released.
 */
class SweeperIntegrationTest extends CompensationTestSupport {

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MeterRegistry meters;
    @Autowired
    SweeperSettings settings;
    @Autowired
    PendingCompensations ladder;

    private void reservedAgo(long sale, OrderPlaced order, Duration age) {
        redis.opsForZSet().add(reservations.keys(new SaleId(sale)).pending(), Long.toString(order.orderId()),
                Instant.now().minus(age).toEpochMilli());
    }

    private double sweeps() {
        var counter = meters.find("seckill.sweeper.runs").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Waits for whole sweeps that began after now: what they left alone, they had the chance to touch. */
    private void awaitSweeps(int n) {
        double before = sweeps();
        await().atMost(Duration.ofSeconds(30)).until(() -> sweeps() >= before + n + 1);
    }

    /**
     * Reserves, sends and marks as the shopper API does; the send first here, so that no sweep finds
     * the reservation unmarked in between and publishes it.
     */
    private KafkaPosition reservedAndSent(long sale, OrderPlaced order) throws Exception {
        String payload = json.writeValueAsString(order);
        RecordMetadata at = kafka.send(topics.orderPlaced(), Long.toString(order.orderId()), payload).get()
                .getRecordMetadata();
        KafkaPosition position = new KafkaPosition(at.partition(), at.offset());
        assertThat(reservations.reserve(new SaleId(sale), new OrderId(order.orderId()), new UserId(order.userId()),
                order.quantity(), payload).reserved())
                .isTrue();
        assertThat(reservations.markSent(new SaleId(sale), new OrderId(order.orderId()), position)).isTrue();
        return position;
    }

    @Test
    void publishesWhatKafkaNeverAcknowledgedOnceAndMarksWhereItWent() throws Exception {
        long sale = openSale(10);
        try (KafkaProbe placed = new KafkaProbe(topics.orderPlaced())) {
            OrderPlaced late = reserved(sale); // the API died before its send
            String key = Long.toString(late.orderId());
            reservedAgo(sale, late, Duration.ofSeconds(5));
            var record = placed.awaitKey(key, Duration.ofSeconds(30)).get(0);
            assertThat(json.readValue(record.value(), OrderPlaced.class)).isEqualTo(late);
            await().atMost(Duration.ofSeconds(10)).until(() -> reservations.entry(new SaleId(sale),
                    new OrderId(late.orderId()))
                    .orElseThrow().sent() != null);
            assertThat(reservations.entry(new SaleId(sale), new OrderId(late.orderId())).orElseThrow().sent())
                    .isEqualTo(new KafkaPosition(record.partition(), record.offset()));

            awaitSweeps(3);
            assertThat(placed.received()).filteredOn(r -> r.key().equals(key)).as("published once").hasSize(1);
            assertThat(reservations.entry(new SaleId(sale), new OrderId(late.orderId())).orElseThrow().state())
                    .isEqualTo(LedgerState.RESERVED);
        }
        assertThat(reservations.remaining(new SaleId(sale))).contains(9L);
    }

    @Test
    void anOrderWaitingInKafkaIsNeverReleasedOnlyOnceTakenAndLeftForTheHangingTimeout() throws Exception {
        long sale = openSale(10);
        OrderPlaced order = order(sale);
        KafkaPosition at = reservedAndSent(sale, order);
        String key = Long.toString(order.orderId());
        String consumedField = order.orderId() + ":c";

        try (KafkaProbe placed = new KafkaProbe(topics.orderPlaced())) {
            // ten minutes in a backlog: order-service is slow or stopped, and its group has not reached it
            reservedAgo(sale, order, Duration.ofMinutes(10));
            awaitSweeps(3);
            assertThat(placed.received()).filteredOn(r -> r.key().equals(key)).as("not published again").isEmpty();
        }
        assertThat(reservations.entry(new SaleId(sale),
                new OrderId(order.orderId())).orElseThrow().state()).isEqualTo(LedgerState.RESERVED);
        assertThat(reservations.remaining(new SaleId(sale))).contains(9L);
        assertThat(meters.get("seckill.sweeper.in.backlog").gauge().value()).isGreaterThanOrEqualTo(1.0);
        assertThat(redis.opsForHash().hasKey(reservations.keys(new SaleId(sale)).ledger(), consumedField)).isFalse();

        // order-service took it and its placement failed: the ladder has it, the hanging clock starts now
        Instant taken = Instant.now();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.kafka()))) {
            admin.alterConsumerGroupOffsets(settings.placementGroup(), Map.of(
                    new TopicPartition(topics.orderPlaced(), at.partition()), new OffsetAndMetadata(at.offset() + 1)))
                    .all().get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> redis.opsForHash()
                .hasKey(reservations.keys(new SaleId(sale)).ledger(), consumedField));
        long found = Long.parseLong((String) redis.opsForHash().get(reservations.keys(new SaleId(sale)).ledger(),
                consumedField));
        assertThat(found).as("found by a sweep after the group moved on")
                .isBetween(taken.minusSeconds(15).toEpochMilli(), Instant.now().toEpochMilli());
        awaitSweeps(2);
        assertThat(reservations.entry(new SaleId(sale),
                new OrderId(order.orderId())).orElseThrow().state()).isEqualTo(LedgerState.RESERVED);

        // the hanging timeout (two minutes here) passed while the ladder still works on it: left to the ladder
        redis.opsForHash().put(reservations.keys(new SaleId(sale)).ledger(), consumedField,
                Long.toString(Instant.now().minus(Duration.ofMinutes(3)).toEpochMilli()));
        ladder.failed(Attempt.failed(order.orderId(), sale, "ladder", 1, Duration.ofSeconds(10), "FAILED",
                new IllegalStateException("reservation HELD_BY_OTHER"), "ladder", Instant.now()));
        awaitSweeps(2);
        assertThat(reservations.entry(new SaleId(sale),
                new OrderId(order.orderId())).orElseThrow().state()).isEqualTo(LedgerState.RESERVED);

        // the ladder's record of it ended without settling it: the sweeper is the backstop
        ladder.clear(order.orderId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                reservations.entry(new SaleId(sale),
                        new OrderId(order.orderId())).orElseThrow().state()).isEqualTo(LedgerState.RELEASED));
        assertThat(reservations.entry(new SaleId(sale),
                new OrderId(order.orderId())).orElseThrow().reason()).isEqualTo("reservation timed out");
        assertThat(reservations.remaining(new SaleId(sale))).contains(10L);
    }

    @Test
    void whatKafkaNeverAcknowledgedForTheWholeHangingTimeoutIsReleased() throws Exception {
        long sale = openSale(10);
        OrderPlaced hanging = reserved(sale);
        reservedAgo(sale, hanging, Duration.ofMinutes(10));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                reservations.entry(new SaleId(sale),
                        new OrderId(hanging.orderId())).orElseThrow().state()).isEqualTo(LedgerState.RELEASED));
        assertThat(reservations.entry(new SaleId(sale), new OrderId(hanging.orderId())).orElseThrow().reason())
                .isEqualTo("reservation timed out");
        assertThat(reservations.remaining(new SaleId(sale))).contains(10L);
    }
}
