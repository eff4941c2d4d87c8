package io.github.seckill.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.testsupport.Endpoint;
import io.github.seckill.testsupport.TestServers;

/** reconcile.lua against a real Redis: a compare-and-set that refuses while anything moves. */
class ReconcileScriptTest {

    private static final AtomicLong IDS = new AtomicLong(50_000);
    private static LettuceConnectionFactory factory;
    private static Reservations reservations;
    private long sale;

    @BeforeAll
    static void connect() {
        Endpoint r = TestServers.redis();
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(r.host(), r.port()));
        factory.afterPropertiesSet();
        reservations = new Reservations(new StringRedisTemplate(factory), TestServers.redisPrefix());
    }

    @AfterAll
    static void disconnect() {
        factory.destroy();
    }

    @BeforeEach
    void openSale() {
        sale = IDS.incrementAndGet();
        reservations.prewarm(new SaleId(sale), "Sale " + sale, 5, 2, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600), new BigDecimal("9.90"));
    }

    private long stock() {
        return reservations.remaining(new SaleId(sale)).orElseThrow();
    }

    @Test
    void setsTheStockOnlyFromTheMeasuredFigure() {
        assertThat(reservations.reconcile(new SaleId(sale), 5, 3)).isEqualTo(1);
        assertThat(stock()).isEqualTo(3);
        assertThat(reservations.reconcile(new SaleId(sale), 3, 3)).isZero();
        assertThat(reservations.reconcile(new SaleId(sale), 5, 4)).as("measured before it moved").isEqualTo(-1);
        assertThat(stock()).isEqualTo(3);
    }

    @Test
    void refusesWhileAReservationIsPending() {
        reservations.reserve(new SaleId(sale), new OrderId(1), new UserId(7), 1, "{\"orderId\":1}");

        assertThat(reservations.reconcile(new SaleId(sale), 4, 5)).isEqualTo(-2);
        assertThat(stock()).isEqualTo(4);

        reservations.release(new SaleId(sale), new OrderId(1), "gone");
        assertThat(reservations.reconcile(new SaleId(sale), 5, 4)).isEqualTo(1);
        assertThat(stock()).isEqualTo(4);
    }

    @Test
    void announcesRestockWhenASoldOutSaleGetsStockBack() {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        var connection = factory.getConnection();
        connection.subscribe((message, pattern) -> heard.add(new String(message.getBody())),
                new NodeKeys(TestServers.redisPrefix()).restockedChannel().getBytes());
        try {
            assertThat(reservations.reconcile(new SaleId(sale), 5, 0)).isEqualTo(1);
            assertThat(reservations.reconcile(new SaleId(sale), 0, 2)).isEqualTo(1);
            await().until(() -> !heard.isEmpty());
            assertThat(heard.poll()).isEqualTo(Long.toString(sale));
        } finally {
            connection.close();
        }
    }
}
