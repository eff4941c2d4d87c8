package io.github.seckill.admin.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.seckill.common.order.OrderStatus;
import io.github.seckill.common.orderservice.Order;
import io.github.seckill.common.orderservice.OrderPage;
import io.github.seckill.common.orderservice.OrderServiceAutoConfiguration;
import io.github.seckill.common.orderservice.OrderServiceSettings;
import io.github.seckill.common.orderservice.SaleStock;

/** order-service's internal API as the contract states it, and what the back office makes of each answer. */
class OrderServiceClientTest {

    private record Answer(int status, String body) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private OrderServiceClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        client = client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static OrderServiceClient client(URI url) {
        return new OrderServiceClient(OrderServiceAutoConfiguration.client(RestClient.builder(),
                new OrderServiceSettings(url, "internal", "secret", Duration.ofSeconds(1), null, null)));
    }

    private void serve(HttpExchange x) throws IOException {
        requests.add(x.getRequestURI().toString() + " " + x.getRequestHeaders().getFirst("Authorization"));
        Answer a = answers.getOrDefault(x.getRequestURI().getPath(), new Answer(404, "{\"status\":404}"));
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", a.status() < 300 ? "application/json" : "application/problem+json");
        x.sendResponseHeaders(a.status(), body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Test
    void readsTheSaleStockWithBasicAuth() {
        answers.put("/internal/api/v1/activities/1/stock", new Answer(200, """
                {"activityId":1,"total":100,"remaining":40,"sold":60,
                 "orders":{"CREATED":3,"PAID":1,"CANCELLED":0,"FAILED":0}}"""));
        Remote<SaleStock> stock = client.stock(1, 100);
        assertThat(stock.available()).isTrue();
        assertThat(stock.value().remaining()).isEqualTo(40);
        assertThat(stock.value().orders()).containsEntry(OrderStatus.CREATED, 3L).containsEntry(OrderStatus.PAID, 1L);
        assertThat(requests).containsExactly("/internal/api/v1/activities/1/stock Basic aW50ZXJuYWw6c2VjcmV0");
    }

    @Test
    void noRowYetMeansTheWholeStockIsLeft() {
        SaleStock stock = client.stock(2, 70).value();
        assertThat(stock.remaining()).isEqualTo(70);
        assertThat(stock.sold()).isZero();
        assertThat(stock.orders()).containsOnly(Map.entry(OrderStatus.CREATED, 0L), Map.entry(OrderStatus.PAID, 0L),
                Map.entry(OrderStatus.CANCELLED, 0L));
    }

    @Test
    void aFailingServiceIsUnavailableNotAnError() {
        answers.put("/internal/api/v1/activities/3/stock", new Answer(500, "{\"status\":500}"));
        answers.put("/internal/api/v1/orders", new Answer(403, "{\"status\":403}"));
        Remote<SaleStock> stock = client.stock(3, 10);
        assertThat(stock.available()).isFalse();
        assertThat(stock.unavailable()).isEqualTo("order-service unavailable");
        assertThat(client.search(new OrderQuery(null, null, null, null, null, null, null)).unavailable())
                .isEqualTo("order-service answered 403");
    }

    @Test
    void aServiceThatIsDownIsUnavailable() {
        server.stop(0);
        OrderServiceClient down = client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        assertThat(down.search(new OrderQuery(null, null, null, null, null, null, null)).unavailable())
                .isEqualTo("order-service unavailable");
    }

    @Test
    void searchesWithEveryFilterAndReadsTheOrderWithItsHistory() {
        answers.put("/internal/api/v1/orders", new Answer(200, """
                {"content":[{"orderId":"9007199254740993","activityId":5,"userId":7,"quantity":1,
                  "amount":"9.90","status":"PAID","xid":"tc:1"}],"page":2,"size":20,"totalElements":41}"""));
        answers.put("/internal/api/v1/orders/9007199254740993", new Answer(200, """
                {"orderId":"9007199254740993","activityId":5,"userId":7,"quantity":1,"amount":"9.90",
                 "status":"PAID","xid":"tc:1","history":[{"status":"PENDING","at":"2026-01-01T00:00:00Z"},
                 {"status":"PAID","at":"2026-01-01T00:00:05Z"}]}"""));

        OrderPage page = client.search(new OrderQuery(5L, 7L, "PAID", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"), 2, 20)).value();
        assertThat(page.totalElements()).isEqualTo(41);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.content().get(0).orderId()).isEqualTo("9007199254740993");
        Order order = client.order("9007199254740993").value().orElseThrow();
        assertThat(order.xid()).isEqualTo("tc:1");
        assertThat(order.amount()).hasToString("9.90");
        assertThat(order.history()).extracting(Order.StatusChange::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.PAID);
        assertThat(client.order("1").value()).isEmpty();
        assertThat(client.order("not-an-id").value()).isEmpty();
        assertThat(client.search(new OrderQuery(null, null, "LOST", null, null, null, null)).available()).isFalse();
        assertThat(requests).extracting(r -> r.substring(0, r.indexOf(' '))).containsExactly(
                "/internal/api/v1/orders?activityId=5&userId=7&status=PAID&from=2026-01-01T00%3A00%3A00Z"
                        + "&to=2026-01-02T00%3A00%3A00Z&page=2&size=20",
                "/internal/api/v1/orders/9007199254740993", "/internal/api/v1/orders/1");
    }
}
