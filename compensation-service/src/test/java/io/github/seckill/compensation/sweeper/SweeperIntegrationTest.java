package io.github.seckill.compensation.sweeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.compensation.CompensationTestSupport;
import io.github.seckill.testsupport.KafkaProbe;

/** Reservations left behind by a crashed API: re-published after republish-after, released after hanging-timeout. */
class SweeperIntegrationTest extends CompensationTestSupport {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void republishesLateReservationsAndReleasesHangingOnes() throws Exception {
        long sale = openSale(10);
        OrderPlaced late = reserved(sale);
        OrderPlaced hanging = reserved(sale);
        String pending = reservations.keys(sale).pending();
        redis.opsForZSet().add(pending, Long.toString(late.orderId()), Instant.now().minusSeconds(5).toEpochMilli());
        redis.opsForZSet().add(pending, Long.toString(hanging.orderId()),
                Instant.now().minusSeconds(600).toEpochMilli());

        try (KafkaProbe placed = new KafkaProbe(topics.orderPlaced())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> placed.received().stream()
                    .anyMatch(r -> r.key().equals(Long.toString(late.orderId()))));
            String payload = placed.received().stream().filter(r -> r.key().equals(Long.toString(late.orderId())))
                    .findFirst().orElseThrow().value();
            assertThat(json.readValue(payload, OrderPlaced.class)).isEqualTo(late);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                reservations.entry(sale, hanging.orderId()).orElseThrow().state()).isEqualTo(LedgerState.RELEASED));
        assertThat(reservations.entry(sale, hanging.orderId()).orElseThrow().reason())
                .isEqualTo("reservation timed out");
        assertThat(reservations.entry(sale, late.orderId()).orElseThrow().state()).isEqualTo(LedgerState.RESERVED);
        assertThat(reservations.remaining(sale).orElseThrow()).isEqualTo(9);
    }
}
