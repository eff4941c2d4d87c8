package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.testsupport.KafkaProbe;
import io.github.seckill.testsupport.TestServers;

/**
 * A sale opens; 40 shoppers click once and 10 click five times at once (half of them resending one
 * Idempotency-Key, as a careful client does, half without). Everyone ends with exactly one order.
 */
class ClickStormIntegrationTest extends ApiTestSupport {

    @Autowired
    ObjectMapper json;

    private List<OrderPlaced> messagesFor(KafkaProbe placed, long sale) throws Exception {
        List<OrderPlaced> mine = new ArrayList<>();
        for (ConsumerRecord<String, String> r : placed.received()) {
            OrderPlaced order = json.readValue(r.value(), OrderPlaced.class);
            if (order.activityId() == sale) {
                mine.add(order);
            }
        }
        return mine;
    }

    @Test
    void everyShopperGetsOneOrderHoweverOftenTheyClick() throws Exception {
        long sale = openSale(100, 1);
        List<String> calm = new ArrayList<>();
        List<String> eager = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            (i % 5 == 0 ? eager : calm).add(shopper());
        }
        try (KafkaProbe placed = new KafkaProbe(TestServers.topic("seckill.order.placed"))) {
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<CompletableFuture<ResponseEntity<Map>>> clicks = new ArrayList<>();
            for (String token : calm) {
                clicks.add(CompletableFuture.supplyAsync(() -> buy(token, sale, "{\"quantity\":1}"), pool));
            }
            for (int i = 0; i < eager.size(); i++) {
                String token = eager.get(i);
                String key = i % 2 == 0 ? UUID.randomUUID().toString() : null;
                for (int click = 0; click < 5; click++) {
                    clicks.add(CompletableFuture.supplyAsync(() -> buy(token, sale, "{\"quantity\":1}", key), pool));
                }
            }
            List<ResponseEntity<Map>> answers = clicks.stream().map(CompletableFuture::join).toList();
            pool.shutdown();

            Set<Object> accepted = new HashSet<>();
            for (ResponseEntity<Map> answer : answers) {
                if (answer.getStatusCode() == HttpStatus.ACCEPTED) {
                    accepted.add(answer.getBody().get("orderId"));
                } else {
                    assertProblem(answer, HttpStatus.CONFLICT, "limit-exceeded");
                }
            }
            assertThat(accepted).hasSize(50);
            assertThat(reservations.remaining(new SaleId(sale))).contains(50L);
            assertThat(redis.opsForZSet().size(reservations.keys(new SaleId(sale)).pending())).isEqualTo(50);
            assertThat(ledgerSize(sale)).as("payload, state, user, quantity, Kafka position").isEqualTo(50 * 5);
            await().atMost(Duration.ofSeconds(60)).until(() -> messagesFor(placed, sale).size() >= 50);
            List<OrderPlaced> messages = messagesFor(placed, sale);
            assertThat(messages).hasSize(50);
            assertThat(messages).extracting(OrderPlaced::userId).doesNotHaveDuplicates();
        }
    }
}
