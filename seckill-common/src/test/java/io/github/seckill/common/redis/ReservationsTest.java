package io.github.seckill.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.KafkaPosition;
import io.github.seckill.testsupport.Endpoint;
import io.github.seckill.testsupport.TestServers;

/**
 * Every Lua script, every return code, against a real Redis. Local-stack's {@code ReservationsOnClusterIT}
 * runs the same against a Redis Cluster: it connects in its own {@code connect()}, which hides this one.
 */
class ReservationsTest {

    private static final AtomicLong IDS = new AtomicLong(1000);
    static LettuceConnectionFactory factory;
    static StringRedisTemplate redis;
    static Reservations reservations;

    private long sale;

    @BeforeAll
    static void connect() {
        Endpoint r = TestServers.redis();
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(r.host(), r.port()));
        factory.afterPropertiesSet();
        redis = new StringRedisTemplate(factory);
        reservations = new Reservations(redis, TestServers.redisPrefix());
    }

    @AfterAll
    static void disconnect() {
        redis.delete(redis.keys(TestServers.redisPrefix() + ":*"));
        factory.destroy();
    }

    @BeforeEach
    void openSale() {
        sale = IDS.incrementAndGet();
        prewarm(sale, 5, 2, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
    }

    private static long prewarm(long id, long stock, int limit, Instant start, Instant end) {
        return reservations.prewarm(new SaleId(id), "Sale " + id, stock, limit, start, end, new BigDecimal("9.90"));
    }

    private Reservation reserve(long order, long user, int qty) {
        return reservations.reserve(new SaleId(sale), new OrderId(order), new UserId(user), qty,
                "{\"orderId\":" + order + "}");
    }

    private long stock() {
        return reservations.remaining(new SaleId(sale)).orElseThrow();
    }

    @Nested
    class Prewarm {

        @Test
        void setsStockOnceAndKeepsWhatWasSold() {
            assertThat(reserve(1, 7, 2).remaining()).isEqualTo(3);
            assertThat(prewarm(sale, 5, 2, Instant.now().minusSeconds(60), Instant.now().plusSeconds(60)))
                    .isEqualTo(3);
            assertThat(redis.opsForHash().get(reservations.keys(new SaleId(sale)).meta(), "limit")).isEqualTo("2");
        }

        @Test
        void listsTheSaleInTheCatalogueUntilItEnds() {
            assertThat(reservations.salesOpenAt(Instant.now())).contains(sale);
            assertThat(reservations.salesOpenAt(Instant.now().plusSeconds(7200))).doesNotContain(sale);
            assertThat(reservations.terms(new SaleId(sale)).orElseThrow().title()).isEqualTo("Sale " + sale);
        }

        @Test
        void closeRefusesNewReservationsAndIsIdempotent() {
            assertThat(reservations.close(new SaleId(sale))).isTrue();
            assertThat(reservations.close(new SaleId(sale))).isTrue();
            assertThat(reservations.close(new SaleId(IDS.incrementAndGet()))).isFalse();
            assertThat(reserve(1, 7, 1).outcome()).isEqualTo(ReserveOutcome.CLOSED);
            assertThat(stock()).isEqualTo(5);
        }
    }

    @Nested
    class Reserve {

        @Test
        void takesStockCountsBuyerAndWritesLedger() {
            Reservation r = reserve(11, 7, 2);

            assertThat(r.outcome()).isEqualTo(ReserveOutcome.RESERVED);
            assertThat(r.remaining()).isEqualTo(3);
            assertThat(stock()).isEqualTo(3);
            assertThat(reservations.bought(new SaleId(sale), new UserId(7))).isEqualTo(2);
            LedgerEntry entry = reservations.entry(new SaleId(sale), new OrderId(11)).orElseThrow();
            assertThat(entry.state()).isEqualTo(LedgerState.RESERVED);
            assertThat(entry.userId()).isEqualTo(7);
            assertThat(entry.quantity()).isEqualTo(2);
            assertThat(entry.payload()).isEqualTo("{\"orderId\":11}");
            assertThat(redis.opsForZSet().score(reservations.keys(new SaleId(sale)).pending(), "11")).isNotNull();
        }

        @Test
        void notPrewarmed() {
            assertThat(reservations.reserve(new SaleId(IDS.incrementAndGet()), new OrderId(1), new UserId(7), 1,
                    "{}").outcome())
                    .isEqualTo(ReserveOutcome.NOT_PREWARMED);
        }

        @Test
        void notStarted() {
            prewarm(sale, 5, 2, Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(2)));
            assertThat(reserve(1, 7, 1).outcome()).isEqualTo(ReserveOutcome.NOT_STARTED);
            assertThat(stock()).isEqualTo(5);
        }

        @Test
        void ended() {
            prewarm(sale, 5, 2, Instant.now().minusSeconds(60), Instant.now().minusSeconds(1));
            assertThat(reserve(1, 7, 1).outcome()).isEqualTo(ReserveOutcome.ENDED);
            assertThat(stock()).isEqualTo(5);
        }

        @Test
        void soldOut() {
            for (int user = 1; user <= 5; user++) {
                assertThat(reserve(100 + user, user, 1).reserved()).isTrue();
            }
            assertThat(reserve(200, 99, 1).outcome()).isEqualTo(ReserveOutcome.SOLD_OUT);
            assertThat(stock()).isZero();
            assertThat(reservations.entry(new SaleId(sale), new OrderId(200))).isEmpty();
        }

        @Test
        void insufficientStock() {
            reserve(1, 1, 2);
            reserve(2, 2, 2);
            assertThat(reserve(3, 3, 2).outcome()).isEqualTo(ReserveOutcome.INSUFFICIENT_STOCK);
            assertThat(stock()).isEqualTo(1);
        }

        @Test
        void overTheUserLimit() {
            assertThat(reserve(1, 7, 2).reserved()).isTrue();
            assertThat(reserve(2, 7, 1).outcome()).isEqualTo(ReserveOutcome.LIMIT_EXCEEDED);
            assertThat(reservations.bought(new SaleId(sale), new UserId(7))).isEqualTo(2);
            assertThat(stock()).isEqualTo(3);
        }

        @Test
        void duplicateOrderId() {
            reserve(1, 7, 1);
            assertThat(reserve(1, 8, 1).outcome()).isEqualTo(ReserveOutcome.DUPLICATE_ORDER);
            assertThat(stock()).isEqualTo(4);
            assertThat(reservations.bought(new SaleId(sale), new UserId(8))).isZero();
        }
    }

    @Nested
    class Release {

        @Test
        void givesStockAndQuotaBackOnce() {
            reserve(1, 7, 2);

            assertThat(reservations.release(new SaleId(sale), new OrderId(1),
                    "send failed")).isEqualTo(ReleaseOutcome.RELEASED);
            assertThat(reservations.release(new SaleId(sale), new OrderId(1),
                    "send failed")).isEqualTo(ReleaseOutcome.ALREADY_RELEASED);

            assertThat(stock()).isEqualTo(5);
            assertThat(reservations.bought(new SaleId(sale), new UserId(7))).isZero();
            LedgerEntry entry = reservations.entry(new SaleId(sale), new OrderId(1)).orElseThrow();
            assertThat(entry.state()).isEqualTo(LedgerState.RELEASED);
            assertThat(entry.reason()).isEqualTo("send failed");
            assertThat(redis.opsForZSet().score(reservations.keys(new SaleId(sale)).pending(), "1")).isNull();
        }

        @Test
        void announcesRestockOnlyWhenTheSaleHadNone() throws Exception {
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            var connection = factory.getConnection();
            connection.subscribe((message, pattern) -> heard.add(new String(message.getBody())),
                    new NodeKeys(TestServers.redisPrefix()).restockedChannel().getBytes());
            try {
                reserve(1, 1, 2);
                reserve(2, 2, 2);
                reserve(3, 3, 1);
                reservations.release(new SaleId(sale), new OrderId(3), "gone"); // 0 -> 1: announced
                reservations.release(new SaleId(sale), new OrderId(2), "gone"); // 1 -> 3: not announced
                await().until(() -> !heard.isEmpty());
                assertThat(heard.poll()).isEqualTo(Long.toString(sale));
                assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).isNull();
            } finally {
                connection.close();
            }
        }

        @Test
        void unknownOrder() {
            assertThat(reservations.release(new SaleId(sale), new OrderId(404),
                    "x")).isEqualTo(ReleaseOutcome.UNKNOWN_ORDER);
            assertThat(stock()).isEqualTo(5);
        }

        @Test
        void leavesAReservationHeldByATransaction() {
            reserve(1, 7, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1");
            assertThat(reservations.release(new SaleId(sale), new OrderId(1),
                    "x")).isEqualTo(ReleaseOutcome.HELD_BY_TRANSACTION);
            assertThat(stock()).isEqualTo(4);
        }

        @Test
        void leavesAConfirmedReservation() {
            reserve(1, 7, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1");
            reservations.confirm(new SaleId(sale), new OrderId(1), "xid-1");
            assertThat(reservations.release(new SaleId(sale), new OrderId(1),
                    "x")).isEqualTo(ReleaseOutcome.ALREADY_CONFIRMED);
            assertThat(stock()).isEqualTo(4);
        }
    }

    @Nested
    class FailedOrders {

        @Test
        void aReleasedOrderCountsOnceHoweverOftenItIsReleased() {
            reserve(1, 7, 1);
            reserve(2, 8, 1);
            assertThat(reservations.failedOrders(new SaleId(sale))).isZero();

            reservations.release(new SaleId(sale), new OrderId(1), "no stock left in MySQL");
            reservations.release(new SaleId(sale), new OrderId(1), "reservation timed out");
            reservations.release(new SaleId(sale), new OrderId(2), "order id taken");
            reservations.release(new SaleId(sale), new OrderId(2), "order id taken");

            assertThat(reservations.failedOrders(new SaleId(sale))).isEqualTo(2);
            assertThat(redis.opsForValue().get(reservations.keys(new SaleId(sale)).failed())).isEqualTo("2");
        }

        @Test
        void aPurchaseWithdrawnBeforeItsShopperWasAnsweredIsNoFailedOrder() {
            reserve(1, 7, 1);
            reserve(2, 8, 1);

            assertThat(reservations.withdraw(new SaleId(sale), new OrderId(1),
                    "publish failed")).isEqualTo(ReleaseOutcome.RELEASED);
            reservations.release(new SaleId(sale), new OrderId(2), "reservation timed out");

            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.RELEASED);
            assertThat(reservations.remaining(new SaleId(sale))).contains(5L);
            assertThat(reservations.failedOrders(new SaleId(sale))).isEqualTo(1);
            String ledger = reservations.keys(new SaleId(sale)).ledger();
            assertThat(redis.opsForHash().hasKey(ledger, "1:w")).as("withdrawn").isTrue();
            assertThat(redis.opsForHash().hasKey(ledger, "2:w")).as("a failed order").isFalse();
            assertThat(redis.opsForHash().hasKey(ledger, "2:t")).as("when it failed").isTrue();
        }

        @Test
        void aReleaseThatReleasesNothingCountsNothing() {
            reserve(1, 7, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1");
            reserve(2, 8, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(2), "xid-2");
            reservations.confirm(new SaleId(sale), new OrderId(2), "xid-2");

            reservations.release(new SaleId(sale), new OrderId(1), "x"); // held by a transaction
            reservations.release(new SaleId(sale), new OrderId(2), "x"); // confirmed
            reservations.release(new SaleId(sale), new OrderId(404), "x"); // unknown

            assertThat(reservations.failedOrders(new SaleId(sale))).isZero();
        }

        @Test
        void confirmCancelAndRestockCountNothing() {
            reserve(1, 7, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1");
            reservations.cancel(new SaleId(sale), new OrderId(1), "xid-1"); // back to RESERVED, kept for a retry
            reservations.cancel(new SaleId(sale), new OrderId(1), "xid-9"); // empty rollback
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-2");
            reservations.confirm(new SaleId(sale), new OrderId(1), "xid-2");
            reservations.tryRestock(new SaleId(sale), new OrderId(1), "c-1");
            reservations.cancelRestock(new SaleId(sale), new OrderId(1), "c-1");
            reservations.tryRestock(new SaleId(sale), new OrderId(1), "c-2");
            reservations.confirmRestock(new SaleId(sale), new OrderId(1), "c-2");

            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.CANCELLED);
            assertThat(reservations.failedOrders(new SaleId(sale))).isZero();
            assertThat(redis.hasKey(reservations.keys(new SaleId(sale)).failed())).isFalse();
        }

        @Test
        void aTryCancelledAndThenGivenUpCountsOnce() {
            reserve(1, 7, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1");
            reservations.cancel(new SaleId(sale), new OrderId(1), "xid-1");

            assertThat(reservations.release(new SaleId(sale), new OrderId(1),
                    "compensation exhausted")).isEqualTo(ReleaseOutcome.RELEASED);
            assertThat(reservations.release(new SaleId(sale), new OrderId(1), "reservation timed out"))
                    .isEqualTo(ReleaseOutcome.ALREADY_RELEASED);

            assertThat(reservations.failedOrders(new SaleId(sale))).isOne();
        }

        @Test
        void theCounterIsInTheSlotOfTheOtherKeysOfTheRelease() {
            assertThat(reservations.keys(new SaleId(sale)).forRelease()).extracting(SlotHash::getSlot).containsOnly(
                    SlotHash.getSlot(reservations.keys(new SaleId(sale)).ledger()));
        }

        @Test
        void eachSaleHasItsOwnCount() {
            reserve(1, 7, 1);
            reservations.release(new SaleId(sale), new OrderId(1), "x");
            long other = IDS.incrementAndGet();
            prewarm(other, 5, 2, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));

            assertThat(reservations.failedOrders(new SaleId(sale))).isOne();
            assertThat(reservations.failedOrders(new SaleId(other))).isZero();
        }
    }

    @Nested
    class Delivery {

        @Test
        void theFirstAcknowledgedPositionIsKept() {
            reserve(1, 7, 1);
            assertThat(reservations.entry(new SaleId(sale), new OrderId(1)).orElseThrow().sent()).isNull();

            assertThat(reservations.markSent(new SaleId(sale), new OrderId(1), new KafkaPosition(2, 40))).isTrue();
            assertThat(reservations.markSent(new SaleId(sale), new OrderId(1), new KafkaPosition(2,
                    95))).as("a republished copy").isTrue();

            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().sent()).isEqualTo(new KafkaPosition(2, 40));
            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.RESERVED);
        }

        @Test
        void anOrderNotInTheLedgerIsNotMarked() {
            assertThat(reservations.markSent(new SaleId(sale), new OrderId(404), new KafkaPosition(0, 1))).isFalse();
            assertThat(redis.opsForHash().hasKey(reservations.keys(new SaleId(sale)).ledger(), "404:k")).isFalse();
        }

        @Test
        void consumedWhileReservedKeepsTheFirstTimeFound() {
            reserve(1, 7, 1);
            Instant first = Instant.ofEpochMilli(1_700_000_000_000L);

            assertThat(reservations.consumedWhileReserved(new SaleId(sale), new OrderId(1), first)).contains(first);
            assertThat(reservations.consumedWhileReserved(new SaleId(sale), new OrderId(1),
                    first.plusSeconds(60))).contains(first);
        }

        @Test
        void consumedWhileReservedIsEmptyOnceSettledOrUnknown() {
            reserve(1, 7, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1");

            assertThat(reservations.consumedWhileReserved(new SaleId(sale), new OrderId(1), Instant.now())).isEmpty();
            assertThat(reservations.consumedWhileReserved(new SaleId(sale), new OrderId(404), Instant.now())).isEmpty();
            assertThat(redis.opsForHash().hasKey(reservations.keys(new SaleId(sale)).ledger(), "1:c")).isFalse();
        }
    }

    @Nested
    class Tcc {

        @Test
        void tryThenConfirmSettlesTheReservation() {
            reserve(1, 7, 1);

            assertThat(reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1")).isEqualTo(TryOutcome.TAKEN);
            assertThat(reservations.tryHold(new SaleId(sale), new OrderId(1),
                    "xid-1")).isEqualTo(TryOutcome.ALREADY_TAKEN);
            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.TRYING);
            assertThat(reservations.confirm(new SaleId(sale), new OrderId(1), "xid-1")).isTrue();
            assertThat(reservations.confirm(new SaleId(sale), new OrderId(1), "xid-1")).isTrue();

            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.CONFIRMED);
            assertThat(redis.opsForZSet().score(reservations.keys(new SaleId(sale)).pending(), "1")).isNull();
            assertThat(stock()).isEqualTo(4);
            assertThat(reservations.tryHold(new SaleId(sale), new OrderId(1),
                    "xid-2")).isEqualTo(TryOutcome.ALREADY_CONFIRMED);
        }

        @Test
        void cancelAfterTryKeepsTheReservationForARetry() {
            reserve(1, 7, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1");

            assertThat(reservations.cancel(new SaleId(sale), new OrderId(1), "xid-1")).isTrue();
            assertThat(reservations.cancel(new SaleId(sale), new OrderId(1), "xid-1")).isFalse();

            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.RESERVED);
            assertThat(stock()).isEqualTo(4);
            assertThat(reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-2")).isEqualTo(TryOutcome.TAKEN);
        }

        @Test
        void emptyRollbackFencesALateTry() {
            reserve(1, 7, 1);

            assertThat(reservations.cancel(new SaleId(sale), new OrderId(1), "xid-1")).isFalse();

            assertThat(reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1")).isEqualTo(TryOutcome.FENCED);
            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.RESERVED);
        }

        @Test
        void confirmWithoutTryChangesNothing() {
            reserve(1, 7, 1);
            assertThat(reservations.confirm(new SaleId(sale), new OrderId(1), "xid-1")).isFalse();
            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.RESERVED);
        }

        @Test
        void tryRefusedWhileAnotherTransactionHoldsIt() {
            reserve(1, 7, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1");
            assertThat(reservations.tryHold(new SaleId(sale), new OrderId(1),
                    "xid-2")).isEqualTo(TryOutcome.HELD_BY_OTHER);
        }

        @Test
        void batchTryTakesWhatItCanAndReportsTheRest() {
            reserve(1, 7, 1);
            reserve(2, 8, 1);
            reserve(3, 9, 1);
            reservations.release(new SaleId(sale), new OrderId(2), "gone");
            reservations.tryHold(new SaleId(sale), new OrderId(3), "other");

            var outcomes = reservations.tryHold(new SaleId(sale), List.of(1L, 2L, 3L, 4L), "xid-1");

            assertThat(outcomes).containsExactly(Map.entry(1L, TryOutcome.TAKEN),
                    Map.entry(2L, TryOutcome.RELEASED), Map.entry(3L, TryOutcome.HELD_BY_OTHER),
                    Map.entry(4L, TryOutcome.UNKNOWN_ORDER));
            assertThat(reservations.confirm(new SaleId(sale), List.of(1L, 2L, 3L), "xid-1")).isEqualTo(1);
            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.CONFIRMED);
            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(3)).orElseThrow().state()).isEqualTo(LedgerState.TRYING);
        }

        @Test
        void tryOnUnknownOrReleasedOrder() {
            assertThat(reservations.tryHold(new SaleId(sale), new OrderId(404),
                    "xid-1")).isEqualTo(TryOutcome.UNKNOWN_ORDER);
            reserve(1, 7, 1);
            reservations.release(new SaleId(sale), new OrderId(1), "gone");
            assertThat(reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1")).isEqualTo(TryOutcome.RELEASED);
        }
    }

    @Nested
    class Restock {

        private void placed(long order, long user, int qty) {
            reserve(order, user, qty);
            reservations.tryHold(new SaleId(sale), new OrderId(order), "place-" + order);
            reservations.confirm(new SaleId(sale), new OrderId(order), "place-" + order);
        }

        @Test
        void tryThenConfirmGivesStockAndQuotaBackOnce() {
            placed(1, 7, 2);

            assertThat(reservations.tryRestock(new SaleId(sale), new OrderId(1),
                    "c-1")).isEqualTo(RestockOutcome.TAKEN);
            assertThat(reservations.tryRestock(new SaleId(sale), new OrderId(1),
                    "c-1")).isEqualTo(RestockOutcome.ALREADY_TAKEN);
            assertThat(stock()).isEqualTo(3);
            assertThat(reservations.confirmRestock(new SaleId(sale), new OrderId(1), "c-1")).isTrue();
            assertThat(reservations.confirmRestock(new SaleId(sale), new OrderId(1), "c-1")).isTrue();

            assertThat(stock()).isEqualTo(5);
            assertThat(reservations.bought(new SaleId(sale), new UserId(7))).isZero();
            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.CANCELLED);
            assertThat(reservations.tryRestock(new SaleId(sale), new OrderId(1),
                    "c-2")).isEqualTo(RestockOutcome.NOT_CONFIRMED);
            assertThat(reservations.tryHold(new SaleId(sale), new OrderId(1), "p-2")).isEqualTo(TryOutcome.CANCELLED);
        }

        @Test
        void cancelAfterTryLeavesTheOrderConfirmed() {
            placed(1, 7, 1);
            reservations.tryRestock(new SaleId(sale), new OrderId(1), "c-1");

            assertThat(reservations.cancelRestock(new SaleId(sale), new OrderId(1), "c-1")).isTrue();

            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.CONFIRMED);
            assertThat(stock()).isEqualTo(4);
            assertThat(reservations.confirmRestock(new SaleId(sale), new OrderId(1), "c-1")).isFalse();
            assertThat(stock()).isEqualTo(4);
        }

        @Test
        void emptyRollbackFencesALateTry() {
            placed(1, 7, 1);

            assertThat(reservations.cancelRestock(new SaleId(sale), new OrderId(1), "c-1")).isFalse();

            assertThat(reservations.tryRestock(new SaleId(sale), new OrderId(1),
                    "c-1")).isEqualTo(RestockOutcome.FENCED);
            assertThat(reservations.entry(new SaleId(sale),
                    new OrderId(1)).orElseThrow().state()).isEqualTo(LedgerState.CONFIRMED);
        }

        @Test
        void onlyACreatedOrderCanBeCancelled() {
            reserve(1, 7, 1);
            assertThat(reservations.tryRestock(new SaleId(sale), new OrderId(1),
                    "c-1")).isEqualTo(RestockOutcome.NOT_CONFIRMED);
            assertThat(reservations.tryRestock(new SaleId(sale), new OrderId(404),
                    "c-1")).isEqualTo(RestockOutcome.UNKNOWN_ORDER);
            assertThat(stock()).isEqualTo(4);
        }
    }

    @Nested
    class Retention {

        private final EndedSales ended = new EndedSales(redis, reservations);

        /** The sale's end moved into the past, as if it ended {@code ago}; what was sold stays. */
        private void endedAgo(Duration ago) {
            Instant end = Instant.now().minus(ago);
            prewarm(sale, 5, 2, end.minus(Duration.ofHours(1)), end);
        }

        @Test
        void anEndedQuietSaleLetsEveryKeyGoAndLeavesTheCatalogue() {
            reserve(1, 7, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1");
            reservations.confirm(new SaleId(sale), new OrderId(1), "xid-1");
            reserve(2, 8, 1);
            reservations.release(new SaleId(sale), new OrderId(2), "no stock left in MySQL");
            reservations.cancel(new SaleId(sale), new OrderId(3), "xid-9"); // a tombstone
            redis.opsForValue().set(reservations.keys(new SaleId(sale)).rateLimit(), "bucket");
            endedAgo(Duration.ofMinutes(10));
            assertThat(ended.endedBefore(Instant.now().minus(Duration.ofMinutes(5)))).contains(sale);

            assertThat(ended.retire(sale, Duration.ofMinutes(5), Duration.ofDays(1))).isEqualTo(RetireOutcome.RETIRED);
            ended.forget(sale);

            List<String> keys = reservations.keys(new SaleId(sale)).all();
            assertThat(redis.hasKey(reservations.keys(new SaleId(sale)).pending())).as("an empty index is no key")
                    .isFalse();
            assertThat(keys).hasSize(7).filteredOn(key -> !key.endsWith(":pending")).allSatisfy(key -> {
                assertThat(redis.getExpire(key, TimeUnit.SECONDS)).as(key).isBetween(86_000L, 86_400L);
                assertThat(SlotHash.getSlot(key)).as(key).isEqualTo(SlotHash.getSlot(keys.get(0)));
            });
            assertThat(ended.endedBefore(Instant.now())).doesNotContain(sale);
        }

        @Test
        void retiringAgainKeepsTheTimeAlreadyGiven() {
            endedAgo(Duration.ofMinutes(10));
            ended.retire(sale, Duration.ofMinutes(5), Duration.ofHours(1));

            assertThat(ended.retire(sale, Duration.ofMinutes(5), Duration.ofDays(7))).isEqualTo(RetireOutcome.RETIRED);

            assertThat(redis.getExpire(reservations.keys(new SaleId(sale)).meta(), TimeUnit.SECONDS)).isBetween(3_500L,
                    3_600L);
        }

        @Test
        void aLiveSaleIsRefusedAndKeepsItsKeys() {
            reserve(1, 7, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(1), "xid-1");
            reservations.confirm(new SaleId(sale), new OrderId(1), "xid-1");

            assertThat(ended.retire(sale, Duration.ZERO, Duration.ofDays(1))).isEqualTo(RetireOutcome.LIVE);
            endedAgo(Duration.ofMinutes(1));
            assertThat(ended.retire(sale, Duration.ofMinutes(5), Duration.ofDays(1))).isEqualTo(RetireOutcome.LIVE);

            assertThat(reservations.keys(new SaleId(sale)).all())
                    .allSatisfy(key -> assertThat(redis.getExpire(key)).as(key).isIn(-1L, -2L));
        }

        @Test
        void aSaleWithAPendingReservationIsRefused() {
            reserve(1, 7, 1);
            reserve(2, 8, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(2), "xid-2");
            endedAgo(Duration.ofMinutes(10));

            assertThat(ended.retire(sale, Duration.ofMinutes(5), Duration.ofDays(1))).isEqualTo(RetireOutcome.PENDING);
            reservations.release(new SaleId(sale), new OrderId(1), "reservation timed out");
            assertThat(ended.retire(sale, Duration.ofMinutes(5), Duration.ofDays(1))).isEqualTo(RetireOutcome.PENDING);
            reservations.confirm(new SaleId(sale), new OrderId(2), "xid-2");
            assertThat(ended.retire(sale, Duration.ofMinutes(5), Duration.ofDays(1))).isEqualTo(RetireOutcome.RETIRED);
        }

        @Test
        void aSaleRedisNoLongerHoldsIsGone() {
            assertThat(ended.retire(IDS.incrementAndGet(), Duration.ZERO, Duration.ofDays(1)))
                    .isEqualTo(RetireOutcome.GONE);
        }

        @Test
        void theSummaryCountsUnsettledEntriesAndListsFailedOrdersButNoWithdrawal() {
            reserve(1, 7, 1);
            reserve(2, 8, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(2), "xid-2");
            reserve(3, 9, 1);
            reservations.tryHold(new SaleId(sale), new OrderId(3), "xid-3");
            reservations.confirm(new SaleId(sale), new OrderId(3), "xid-3");
            reservations.tryRestock(new SaleId(sale), new OrderId(3), "c-3");
            reserve(4, 10, 1);
            reservations.release(new SaleId(sale), new OrderId(4), "no stock left in MySQL");
            reserve(5, 11, 1);
            reservations.withdraw(new SaleId(sale), new OrderId(5), "publish failed");
            Instant before = Instant.now().minusSeconds(1);

            LedgerSummary summary = ended.summary(sale);

            assertThat(summary.unsettled()).isEqualTo(3);
            assertThat(summary.settled()).isFalse();
            assertThat(summary.failed()).singleElement().satisfies(failed -> {
                assertThat(failed.orderId()).isEqualTo(4);
                assertThat(failed.payload()).isEqualTo("{\"orderId\":4}");
                assertThat(failed.reason()).isEqualTo("no stock left in MySQL");
                assertThat(failed.releasedAt()).isBetween(before.minusSeconds(60), Instant.now().plusSeconds(1));
            });
        }

        @Test
        void theShopperIndexIsKeptForItsTimeFromTheLastPurchase() {
            Reservations shortIndex = new Reservations(redis, TestServers.redisPrefix(), Duration.ofMinutes(5));
            long user = IDS.incrementAndGet();

            shortIndex.index(new SaleId(sale), new OrderId(1), new UserId(user));
            shortIndex.index(new SaleId(sale), new OrderId(2), new UserId(user));

            assertThat(shortIndex.saleOf(new OrderId(1), new UserId(user))).contains(new SaleId(sale));
            assertThat(redis.getExpire(shortIndex.userKeys(new UserId(user)).orders(),
                    TimeUnit.SECONDS)).isBetween(290L, 300L);
        }
    }
}
