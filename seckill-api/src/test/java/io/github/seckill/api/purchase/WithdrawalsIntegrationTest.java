package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netcrusher.tcp.TcpCrusher;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.TryOutcome;
import io.github.seckill.testsupport.TestServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A purchase answered 503 while its reservation may stand, and Redis cut off (a real TCP cut: every
 * packet held): the reservation is given back as soon as Redis answers again, before the sweeper
 * could place it; and when it was placed first after all, that is counted, never hidden.
 */
class WithdrawalsIntegrationTest {

    private final RedisLinks links = new RedisLinks();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Reservations direct;
    private TcpCrusher cut;
    private Withdrawals withdrawals;
    private long sale;

    @BeforeEach
    void stack() {
        cut = links.proxy();
        direct = new Reservations(links.direct(), TestServers.redisPrefix());
        Reservations throughCut = new Reservations(links.through(cut), TestServers.redisPrefix());
        withdrawals = new Withdrawals(throughCut, CircuitBreaker.ofDefaults("redis"), meters);
        links.closing(withdrawals::destroy);
        sale = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        Instant now = Instant.now();
        direct.prewarm(new SaleId(sale), "withdrawn", 10, 5, now.minusSeconds(1), now.plusSeconds(3_600),
                new BigDecimal("9.90"));
    }

    @AfterEach
    void close() throws Exception {
        links.close();
    }

    @Test
    void aReservationAnswered503WhileRedisIsCutIsGivenBackOnceRedisAnswers() {
        long order = 1_001;
        assertThat(direct.reserve(new SaleId(sale), new OrderId(order), new UserId(7), 2, "{}").reserved()).isTrue();
        assertThat(direct.remaining(new SaleId(sale))).contains(8L);

        cut.freeze();
        boolean given = withdrawals.withdraw(new SaleId(sale), new OrderId(order), "reserve outcome unknown");

        assertThat(given).as("a purchase answered 503 as given back").isTrue();
        assertThat(withdrawals.pending()).isEqualTo(1);
        assertThat(direct.entry(new SaleId(sale),
                new OrderId(order)).orElseThrow().state()).isEqualTo(LedgerState.RESERVED);
        assertThat(direct.remaining(new SaleId(sale))).contains(8L);
        assertThat(gauge()).isEqualTo(1.0);

        cut.unfreeze();
        await().atMost(Duration.ofSeconds(5)).until(() -> withdrawals.pending() == 0);

        var entry = direct.entry(new SaleId(sale), new OrderId(order)).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.RELEASED);
        assertThat(entry.reason()).isEqualTo("reserve outcome unknown");
        assertThat(direct.remaining(new SaleId(sale))).contains(10L);
        assertThat(direct.bought(new SaleId(sale), new UserId(7))).isZero();
        assertThat(direct.failedOrders(new SaleId(sale))).as("a withdrawn purchase is no failed order").isZero();
        assertThat(counted("released")).isEqualTo(1.0);
        assertThat(counted("placed")).isZero();
        assertThat(gauge()).isZero();
    }

    @Test
    void aReservationPlacedBeforeRedisAnsweredAgainStaysAnOrderAndIsCounted() {
        long order = 1_002;
        assertThat(direct.reserve(new SaleId(sale), new OrderId(order), new UserId(8), 1, "{}").reserved()).isTrue();

        cut.freeze();
        assertThat(withdrawals.withdraw(new SaleId(sale), new OrderId(order), "publish failed")).isTrue();
        // meanwhile the sweeper published it and order-service's transaction took it
        assertThat(direct.tryHold(new SaleId(sale), new OrderId(order), "10.0.0.1:8091:7")).isEqualTo(TryOutcome.TAKEN);
        cut.unfreeze();

        await().atMost(Duration.ofSeconds(5)).until(() -> withdrawals.pending() == 0);
        assertThat(direct.entry(new SaleId(sale),
                new OrderId(order)).orElseThrow().state()).isEqualTo(LedgerState.TRYING);
        assertThat(direct.remaining(new SaleId(sale))).contains(9L);
        assertThat(counted("placed")).isEqualTo(1.0);
        assertThat(counted("released")).isZero();
    }

    @Test
    void withRedisAnsweringTheReservationIsGivenBackAtOnce() {
        long order = 1_003;
        assertThat(direct.reserve(new SaleId(sale), new OrderId(order), new UserId(9), 1, "{}").reserved()).isTrue();

        assertThat(withdrawals.withdraw(new SaleId(sale), new OrderId(order), "publish failed")).isTrue();

        assertThat(withdrawals.pending()).isZero();
        assertThat(direct.entry(new SaleId(sale),
                new OrderId(order)).orElseThrow().state()).isEqualTo(LedgerState.RELEASED);
        assertThat(direct.remaining(new SaleId(sale))).contains(10L);
    }

    private double counted(String outcome) {
        return meters.get("seckill.purchase.withdrawals").tag("outcome", outcome).counter().count();
    }

    private double gauge() {
        return meters.get("seckill.purchase.withdrawals.pending").gauge().value();
    }
}
