package io.github.seckill.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Turns per sale: one transaction at a time per sale in this instance, other sales unaffected. */
class SaleTurnsTest {

    private final SaleTurns turns = new SaleTurns();
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @Test
    void aSecondTransactionOfTheSameSaleWaitsForTheFirstToGiveBack() throws Exception {
        turns.take(List.of(7L));
        AtomicBoolean entered = new AtomicBoolean();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            waiter.set(Thread.currentThread());
            turns.take(List.of(7L, 8L));
            entered.set(true);
            turns.giveBack();
        }, other);

        // parked in the turn's lock, not merely not started yet
        await().atMost(Duration.ofSeconds(10)).until(() -> waiter.get() != null
                && waiter.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(second).isNotDone();
        assertThat(entered).isFalse();
        turns.giveBack();
        second.get(10, TimeUnit.SECONDS);
        assertThat(entered).isTrue();
    }

    @Test
    void anotherSaleDoesNotWait() throws Exception {
        turns.take(List.of(7L));
        CompletableFuture.runAsync(() -> {
            turns.take(List.of(9L));
            turns.giveBack();
        }, other).get(10, TimeUnit.SECONDS);
        turns.giveBack();
    }

    @Test
    void takingAgainOnTheSameThreadNeverBlocksAndOneGiveBackFreesAll() throws Exception {
        turns.take(List.of(7L));
        turns.take(List.of(7L, 8L)); // the order-by-order retry of a batch, on the same thread
        turns.giveBack();
        CountDownLatch done = new CountDownLatch(1);
        other.execute(() -> {
            turns.take(List.of(7L, 8L));
            turns.giveBack();
            done.countDown();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> done.getCount() == 0);
    }
}
