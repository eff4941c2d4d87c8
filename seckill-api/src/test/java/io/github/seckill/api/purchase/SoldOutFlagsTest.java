package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SoldOutFlagsTest {

    private Instant now = Instant.parse("2026-06-18T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SoldOutFlags flags = new SoldOutFlags(clock, new PurchaseSettings(Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1), 0, Duration.ofMillis(50)), meters);

    @Test
    void aFlagRefusesAndCountsUntilItLapses() {
        assertThat(flags.flag(7)).as("newly flagged").isTrue();
        assertThat(flags.flag(7)).as("flagged again").isFalse();
        assertThat(flags.refuses(7)).isTrue();
        assertThat(flags.refuses(8)).isFalse();

        now = now.plusSeconds(5);

        assertThat(flags.refuses(7)).as("a missed restock blocks for the flag's ttl at most").isFalse();
        assertThat(meters.counter("seckill.soldout.flag.hits").count()).isEqualTo(1);
        assertThat(flags.flag(7)).isTrue();
    }

    @Test
    void aRestockClearsTheFlag() {
        flags.flag(7);
        flags.clear(7);
        assertThat(flags.refuses(7)).isFalse();
        assertThat(flags.flagged(7)).isFalse();
    }
}
