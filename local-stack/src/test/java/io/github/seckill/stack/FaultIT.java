package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.stack.FaultStack.Server;

/**
 * Servers killed in the middle of a sale (docs/reliability.md): the four services from their jars, a real
 * Kafka broker process of this test's own (so that killing it touches nothing else), the TC, MariaDB and
 * Redis. Shoppers buy at a steady rate; one fault lands where its name says, is healed, the buyers go on
 * until the sale sells out, and {@link SaleVerdict} judges from the outside.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {

    private static final int STOCK = 60;
    private static final int CLICKS_PER_SECOND = 10;
    private static final int SHOPPERS = 120;
    private static final Duration QUIET = Duration.ofMinutes(4);

    private static FaultStack stack;
    private static List<String> tokens;

    @BeforeAll
    static void startPlatform() throws Exception {
        stack = FaultStack.start(FaultStack.Mode.SHARED_STORES, Map.of());
        tokens = stack.shoppers(SHOPPERS);
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void orderServiceKilledInTheMiddleOfAGlobalTransactionAndRestarted() throws Exception {
        long sale = stack.backOffice().saleOf(STOCK, 1);
        FaultRun run;
        try (Crowd crowd = Crowd.buying(stack.api().url(""), sale, tokens, CLICKS_PER_SECOND)) {
            // Mid-batch means a batch's reservations are TRYING: its global transaction has begun and not
            // ended. Frozen first, so that what is seen is what the kill leaves behind.
            long trying = 0;
            while (trying == 0) {
                await("a batch of sale " + sale + " in its global transaction").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(10)).until(() -> states(sale).getOrDefault("TRYING", 0L) > 0);
                stack.freeze(Server.ORDER_SERVICE);
                trying = states(sale).getOrDefault("TRYING", 0L);
                if (trying == 0) {
                    stack.thaw(Server.ORDER_SERVICE); // phase two came first: the next batch then
                }
            }
            run = FaultRun.begin(crowd, "order-service SIGKILL with " + trying + " reservations TRYING");
            stack.kill(Server.ORDER_SERVICE);
            run.healing();
            stack.restart(Server.ORDER_SERVICE);
            run.healed();
            stack.verdict().awaitSoldOutAndSettled(sale, crowd, QUIET);
            run.ended();
        }
        assertThat(run.accepted()).isNotEmpty();
        stack.verdict().judge(sale, STOCK, run.accepted(), QUIET);
        run.print();
    }

    @Test
    @Order(2)
    void kafkaBrokerKilledMidSaleAndRestarted() throws Exception {
        long sale = stack.backOffice().saleOf(STOCK, 1);
        FaultRun run;
        try (Crowd crowd = Crowd.buying(stack.api().url(""), sale, tokens, CLICKS_PER_SECOND)) {
            await("first orders of sale " + sale).atMost(Duration.ofSeconds(60))
                    .until(() -> crowd.accepted().size() >= 10);
            run = FaultRun.begin(crowd, "Kafka broker SIGKILL");
            stack.kill(Server.KAFKA);
            run.struck();
            await("shoppers told 503 while Kafka is down").atMost(Duration.ofSeconds(60))
                    .until(() -> crowd.answers(FaultRun.FAULT).getOrDefault(503, 0L) >= 5);
            run.healing();
            stack.restart(Server.KAFKA);
            run.healed();
            stack.verdict().awaitSoldOutAndSettled(sale, crowd, QUIET);
            run.ended();
        }
        // nothing Kafka did not take was accepted: while it was down, a shopper heard 503 with Retry-After
        assertThat(run.answeredDuringTheFault()).as("answers while the broker was down")
                .noneSatisfy(c -> assertThat(c.status()).isEqualTo(202))
                .filteredOn(c -> c.status() == 503).isNotEmpty()
                .allSatisfy(c -> assertThat(c.retryAfter()).as("Retry-After on %s", c).isTrue());
        stack.verdict().judge(sale, STOCK, run.accepted(), QUIET);
        run.print();
    }

    @Test
    @Order(3)
    void seckillApiKilledBetweenTheReservationAndTheSend() throws Exception {
        long sale = stack.backOffice().saleOf(STOCK, 1);
        FaultRun run;
        long unsent;
        try (Crowd crowd = Crowd.buying(stack.api().url(""), sale, tokens, CLICKS_PER_SECOND)) {
            await("first orders of sale " + sale).atMost(Duration.ofSeconds(60))
                    .until(() -> crowd.accepted().size() >= 10);
            // The broker frozen: purchases now reserve in Redis and wait for an ack that does not come.
            stack.freeze(Server.KAFKA);
            run = FaultRun.begin(crowd, "seckill-api SIGKILL between reservation and send");
            try {
                await("purchases reserved and waiting for Kafka").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100)).until(() -> unsentReservations(sale) >= 3);
                stack.kill(Server.SECKILL_API);
                unsent = unsentReservations(sale);
            } finally {
                stack.thaw(Server.KAFKA);
            }
            run.healing();
            stack.restart(Server.SECKILL_API);
            run.healed();
            stack.verdict().awaitSoldOutAndSettled(sale, crowd, QUIET);
            run.ended();
        }
        assertThat(unsent).as("reservations the killed instance never saw acknowledged").isPositive();
        assertThat(run.clicks(FaultRun.FAULT)).as("clicks whose answer died with the instance")
                .anySatisfy(c -> assertThat(c.status()).isZero());
        stack.verdict().judge(sale, STOCK, run.accepted(), QUIET);
        run.print();
    }

    /** The sale's ledger entries by state. */
    private static Map<String, Long> states(long sale) {
        Map<String, Long> byState = new HashMap<>();
        ledger(sale).forEach((field, value) -> {
            if (field.endsWith(":s")) {
                byState.merge(value, 1L, Long::sum);
            }
        });
        return byState;
    }

    /** RESERVED entries without the mark of Kafka's ack: the ones only the sweeper can still send. */
    private static long unsentReservations(long sale) {
        Map<String, String> ledger = ledger(sale);
        return ledger.entrySet().stream()
                .filter(e -> e.getKey().endsWith(":s") && "RESERVED".equals(e.getValue()))
                .map(e -> e.getKey().substring(0, e.getKey().length() - 2))
                .filter(order -> !ledger.containsKey(order + ":k")).count();
    }

    private static Map<String, String> ledger(long sale) {
        Reservations reservations = new Reservations(stack.redis(), stack.redisPrefix());
        return stack.redis().<String, String>opsForHash().entries(reservations.keys(new SaleId(sale)).ledger());
    }
}
