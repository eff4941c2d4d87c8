package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;

/** Idempotency-Key: one order per key and shopper, the same answer for every copy. */
class IdempotencyIntegrationTest extends ApiTestSupport {

    @Test
    void tenRacingCopiesMakeOneOrderAndGetTheSameAnswer() throws Exception {
        long sale = openSale(10, 5);
        String token = shopper();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<Map>>> copies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            copies.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return buy(token, sale, "{\"quantity\":2}", key);
            }, pool));
        }
        go.countDown();
        List<ResponseEntity<Map>> answers = copies.stream().map(CompletableFuture::join).toList();
        pool.shutdown();

        ResponseEntity<Map> first = answers.get(0);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.getStatusCode()).isEqualTo(first.getStatusCode());
            assertThat(a.getBody()).isEqualTo(first.getBody());
            assertThat(a.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        });
        assertThat(answers).filteredOn(a -> a.getHeaders().containsKey("Idempotent-Replayed")).hasSize(9);
        assertThat(reservations.remaining(new SaleId(sale))).contains(8L);
        String orderId = (String) first.getBody().get("orderId");
        assertThat(orders(sale)).containsExactly(orderId);
        // indexed for its shopper with the stored answer, once: the pending order is theirs to look up
        assertThat(redis.opsForHash().entries(reservations.userKeys(new UserId(userOf(token))).orders()))
                .containsExactly(Map.entry(orderId, Long.toString(sale)));
        assertThat(get(token, "/api/v1/orders/" + orderId).getBody()).containsEntry("orderId", orderId)
                .containsEntry("status", "PENDING");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        long sale = openSale(10, 5);
        String token = shopper();
        String key = UUID.randomUUID().toString();
        assertThat(buy(token, sale, "{\"quantity\":1}", key).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        assertProblem(buy(token, sale, "{\"quantity\":2}", key), HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused");
        assertProblem(buy(token, openSale(10, 5), "{\"quantity\":1}", key), HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused");

        assertThat(reservations.remaining(new SaleId(sale))).contains(9L);
        assertThat(orders(sale)).hasSize(1);
    }

    @Test
    void aRefusalIsReplayedAsItWas() {
        long sale = openSale(1, 1);
        assertThat(buy(shopper(), sale, "{\"quantity\":1}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String token = shopper();
        String key = UUID.randomUUID().toString();

        ResponseEntity<Map> refused = buy(token, sale, "{\"quantity\":1}", key);
        reservations.release(new SaleId(sale), new OrderId(Long.parseLong(orders(sale).get(0))),
                "test gives the unit back");
        ResponseEntity<Map> replayed = buy(token, sale, "{\"quantity\":1}", key);

        assertProblem(refused, HttpStatus.CONFLICT, "sold-out");
        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(replayed.getBody()).isEqualTo(refused.getBody());
        assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reservations.remaining(new SaleId(sale))).contains(1L);
    }

    @Test
    void keysAreTheShoppersOwn() {
        long sale = openSale(10, 5);
        String key = UUID.randomUUID().toString();

        ResponseEntity<Map> mine = buy(shopper(), sale, "{\"quantity\":1}", key);
        ResponseEntity<Map> theirs = buy(shopper(), sale, "{\"quantity\":1}", key);

        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(theirs.getBody().get("orderId")).isNotEqualTo(mine.getBody().get("orderId"));
        assertThat(orders(sale)).hasSize(2);
    }

    private List<String> orders(long sale) {
        return redis.opsForHash().keys(reservations.keys(new SaleId(sale)).ledger()).stream().map(Object::toString)
                .filter(k -> k.matches("\\d+")).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
