package io.github.seckill.api.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderIds;

/**
 * Order status, list, payment and cancellation: what the shopper API answers itself (PENDING from the
 * ledger, other shoppers' orders) and what it forwards to order-service and how it maps the answers.
 * order-service is a contract stub on a real port (it is built separately); Redis, Kafka and MariaDB are real.
 */
class OrderForwardingIntegrationTest extends ApiTestSupport {

    private static OrderServiceStub orderService;
    private static final OrderIds IDS = new OrderIds(1000 - 17);

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void stub(DynamicPropertyRegistry registry) throws Exception {
        orderService = new OrderServiceStub();
        registry.add("seckill.order-service.url", orderService::url);
        registry.add("seckill.order-service.password", () -> "stub-password");
    }

    @AfterAll
    static void stopStub() {
        orderService.close();
    }

    /** An order whose global transaction committed: CONFIRMED in the ledger, indexed for its shopper. */
    private long confirmed(long user, long sale) throws Exception {
        long id = pending(user, sale);
        reservations.tryHold(new SaleId(sale), new OrderId(id), "xid-" + id);
        reservations.confirm(new SaleId(sale), new OrderId(id), "xid-" + id);
        return id;
    }

    private long pending(long user, long sale) throws Exception {
        long id = IDS.next();
        OrderPlaced order = OrderPlaced.of(id, sale, user, 1, new BigDecimal("9.90"), Instant.now());
        assertThat(reservations.reserve(new SaleId(sale), new OrderId(id), new UserId(user), 1,
                json.writeValueAsString(order)).reserved()).isTrue();
        reservations.index(new SaleId(sale), new OrderId(id), new UserId(user));
        return id;
    }

    private static String stored(long id, long sale, long user, String status) {
        return "{\"orderId\":\"" + id + "\",\"activityId\":" + sale + ",\"userId\":" + user
                + ",\"quantity\":1,\"amount\":\"9.90\",\"status\":\"" + status + "\",\"reason\":null}";
    }

    @Test
    void paymentOfACreatedOrderIsForwardedWithTheServiceAccount() throws Exception {
        String token = shopper();
        long user = userOf(token);
        long sale = openSale(5, 5);
        long id = confirmed(user, sale);
        String path = "/internal/api/v1/orders/" + id;
        orderService.answer("GET", path, 200, stored(id, sale, user, "CREATED"));
        orderService.answer("POST", path + "/payment", 200, stored(id, sale, user, "PAID"));

        assertThat(get(token, "/api/v1/orders/" + id).getBody()).containsEntry("status", "CREATED");
        ResponseEntity<Map> paid = post(token, "/api/v1/orders/" + id + "/payment");

        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(paid.getBody()).containsEntry("orderId", Long.toString(id)).containsEntry("status", "PAID")
                .containsEntry("amount", "9.90").doesNotContainKey("userId");
        OrderServiceStub.Call call = orderService.callsTo(path + "/payment").get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(json.readTree(call.body()).get("userId").asLong()).isEqualTo(user);
        assertThat(call.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("internal:stub-password".getBytes()));
    }

    @Test
    void aFailedOrderIsStillFailedWithItsReasonOnceItsSaleAndTheShoppersIndexExpired() throws Exception {
        String token = shopper();
        long user = userOf(token);
        long sale = openSale(5, 5);
        long failed = pending(user, sale);
        reservations.release(new SaleId(sale), new OrderId(failed), "no stock left in MySQL");
        assertThat(get(token, "/api/v1/orders/" + failed).getBody()).containsEntry("status", "FAILED")
                .containsEntry("reason", "no stock left in MySQL");
        assertThat(redis.getExpire(reservations.userKeys(new UserId(user)).orders())).as("the index expires")
                .isPositive();
        orderService.answer("GET", "/internal/api/v1/orders/" + failed, 200, "{\"orderId\":\"" + failed
                + "\",\"activityId\":" + sale + ",\"userId\":" + user + ",\"quantity\":1,\"amount\":\"9.90\","
                + "\"status\":\"FAILED\",\"reason\":\"no stock left in MySQL\"}");

        redis.delete(reservations.keys(new SaleId(sale)).all()); // retired, and the keep time is over
        assertThat(get(token, "/api/v1/orders/" + failed).getBody()).containsEntry("status", "FAILED")
                .containsEntry("reason", "no stock left in MySQL");
        redis.delete(reservations.userKeys(new UserId(user)).orders()); // the shopper bought nothing for a month
        assertThat(get(token, "/api/v1/orders/" + failed).getBody()).containsEntry("status", "FAILED")
                .containsEntry("reason", "no stock left in MySQL").containsEntry("amount", "9.90");

        assertThat(reservations.saleOf(new OrderId(failed),
                new UserId(user))).as("the index written again").contains(new SaleId(sale));
        assertThat(get(shopper(), "/api/v1/orders/" + failed).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusalsOfOrderServiceKeepTheirMeaning() throws Exception {
        String token = shopper();
        long user = userOf(token);
        long sale = openSale(10, 10);
        long declined = confirmed(user, sale);
        long paid = confirmed(user, sale);
        long vanished = confirmed(user, sale);
        long slow = confirmed(user, sale);
        long broken = confirmed(user, sale);
        String orders = "/internal/api/v1/orders/";
        orderService.answer("POST", orders + declined + "/payment", 402,
                OrderServiceStub.problem(402, "payment-declined", "card declined"));
        orderService.answer("POST", orders + paid + "/cancellation", 409,
                OrderServiceStub.problem(409, "conflict", "order is PAID and cannot be cancelled"));
        orderService.answer("POST", orders + slow + "/payment", 503,
                OrderServiceStub.problem(503, "unavailable", "payment provider timed out"));
        orderService.answer("POST", orders + broken + "/payment", 500, "{}");

        assertProblem(post(token, "/api/v1/orders/" + declined + "/payment"), HttpStatus.PAYMENT_REQUIRED,
                "payment-declined");
        ResponseEntity<Map> conflict = post(token, "/api/v1/orders/" + paid + "/cancellation");
        assertProblem(conflict, HttpStatus.CONFLICT, "conflict");
        assertThat(conflict.getBody()).containsEntry("detail", "order is PAID and cannot be cancelled");
        assertProblem(post(token, "/api/v1/orders/" + vanished + "/payment"), HttpStatus.NOT_FOUND, "not-found");
        ResponseEntity<Map> timedOut = post(token, "/api/v1/orders/" + slow + "/payment");
        assertProblem(timedOut, HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
        assertThat(timedOut.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(timedOut.getBody()).containsEntry("detail", "payment provider timed out");
        ResponseEntity<Map> failed = post(token, "/api/v1/orders/" + broken + "/payment");
        assertProblem(failed, HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
        assertThat(failed.getBody().toString()).doesNotContain("500");
    }

    @Test
    void cancellationIsForwarded() throws Exception {
        String token = shopper();
        long user = userOf(token);
        long sale = openSale(5, 5);
        long id = confirmed(user, sale);
        orderService.answer("POST", "/internal/api/v1/orders/" + id + "/cancellation", 200,
                stored(id, sale, user, "CANCELLED"));

        ResponseEntity<Map> cancelled = post(token, "/api/v1/orders/" + id + "/cancellation");

        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody()).containsEntry("status", "CANCELLED");
    }

    @Test
    void aPendingOrderCannotBePaidOrCancelledYet() throws Exception {
        String token = shopper();
        long id = pending(userOf(token), openSale(5, 5));

        ResponseEntity<Map> pay = post(token, "/api/v1/orders/" + id + "/payment");
        assertProblem(pay, HttpStatus.CONFLICT, "conflict");
        assertThat((String) pay.getBody().get("detail")).contains("order is not created yet");
        assertThat(pay.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertProblem(post(token, "/api/v1/orders/" + id + "/cancellation"), HttpStatus.CONFLICT, "conflict");
        assertThat(orderService.callsTo("/internal/api/v1/orders/" + id)).isEmpty();
    }

    @Test
    void anotherShoppersOrderIsNotFoundAnywhere() throws Exception {
        String owner = shopper();
        long sale = openSale(5, 5);
        long pendingId = pending(userOf(owner), sale);
        long createdId = confirmed(userOf(owner), sale);
        String intruder = shopper();

        for (long id : new long[] { pendingId, createdId, 424242L }) {
            assertProblem(get(intruder, "/api/v1/orders/" + id), HttpStatus.NOT_FOUND, "not-found");
            assertProblem(post(intruder, "/api/v1/orders/" + id + "/payment"), HttpStatus.NOT_FOUND, "not-found");
            assertProblem(post(intruder, "/api/v1/orders/" + id + "/cancellation"), HttpStatus.NOT_FOUND,
                    "not-found");
        }
        // an id missing from the intruder's index is looked up in MySQL, found to be someone else's, and no more
        assertThat(orderService.calls()).filteredOn(c -> c.target().startsWith("/internal/api/v1/orders/" + createdId))
                .extracting(OrderServiceStub.Call::method).containsOnly("GET");
        assertThat(reservations.saleOf(new OrderId(createdId), new UserId(userOf(intruder)))).isEmpty();
    }

    @Test
    void aCommittedOrderMissingFromItsShoppersIndexIsFoundInMySqlAndIndexedAgain() throws Exception {
        String token = shopper();
        long user = userOf(token);
        long sale = openSale(5, 5);
        long id = confirmed(user, sale);
        redis.opsForHash().delete(reservations.userKeys(new UserId(user)).orders(),
                Long.toString(id)); // its write failed
        orderService.answer("GET", "/internal/api/v1/orders/" + id, 200, stored(id, sale, user, "CREATED"));

        ResponseEntity<Map> status = get(token, "/api/v1/orders/" + id);

        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status.getBody()).containsEntry("orderId", Long.toString(id)).containsEntry("status", "CREATED");
        assertThat(reservations.saleOf(new OrderId(id),
                new UserId(user))).as("the index repaired").contains(new SaleId(sale));
        assertProblem(get(shopper(), "/api/v1/orders/" + id), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void myOrdersMergeWhatMySqlHasWithWhatIsStillPending() throws Exception {
        String token = shopper();
        long user = userOf(token);
        long sale = openSale(10, 10);
        long older = IDS.next();
        long created = confirmed(user, sale);
        long pendingId = pending(user, sale);
        String list = "/internal/api/v1/orders?userId=" + user + "&page=0&size=50";
        orderService.answer("GET", list, 200, "{\"content\":[" + stored(created, sale, user, "CREATED") + ","
                + stored(older, sale, user, "PAID") + "],\"page\":0,\"size\":50,\"totalElements\":2}");

        ResponseEntity<Map> first = get(token, "/api/v1/orders?size=2");
        ResponseEntity<Map> second = get(token, "/api/v1/orders?page=1&size=2");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("totalElements", 3).containsEntry("page", 0).containsEntry("size", 2);
        List<Map<String, Object>> page = (List<Map<String, Object>>) first.getBody().get("content");
        assertThat(page).extracting(o -> o.get("orderId")).containsExactly(Long.toString(pendingId),
                Long.toString(created));
        assertThat(page).extracting(o -> o.get("status")).containsExactly("PENDING", "CREATED");
        assertThat((List<Map<String, Object>>) second.getBody().get("content")).extracting(o -> o.get("orderId"))
                .containsExactly(Long.toString(older));
        assertProblem(get(token, "/api/v1/orders?size=500"), HttpStatus.BAD_REQUEST, "validation");
    }
}
