package io.github.seckill.common.orderservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.order.OrderStatus;

/** The client against a real HTTP server standing in for order-service: what it sends, what it makes of each answer. */
class OrderServiceApiTest {

    private static final String AUTH = "Basic aW50ZXJuYWw6c2VjcmV0"; // internal:secret

    record Call(String method, String target, String authorization, String contentType, String body) {
    }

    record Answer(int status, String contentType, String body, Duration delay) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private OrderServiceApi client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newCachedThreadPool()); // a slow answer holds up no other
        server.start();
        client = OrderServiceAutoConfiguration.client(RestClient.builder(), settings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static OrderServiceSettings settings(URI url, Duration read) {
        return new OrderServiceSettings(url, "internal", "secret", null, Duration.ofMillis(500), read);
    }

    private void serve(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(x.getRequestMethod(), x.getRequestURI().toString(),
                x.getRequestHeaders().getFirst("Authorization"), x.getRequestHeaders().getFirst("Content-Type"),
                body));
        Answer a = answers.getOrDefault(x.getRequestMethod() + " " + x.getRequestURI().getPath(),
                new Answer(404, "application/problem+json", "{\"status\":404,\"detail\":\"no such path\"}", null));
        try {
            if (a.delay() != null) {
                Thread.sleep(a.delay().toMillis());
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", a.contentType());
            x.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            x.getResponseBody().write(bytes);
        } catch (InterruptedException | IOException gone) {
            // the client gave up waiting
        } finally {
            x.close();
        }
    }

    private void answer(String request, int status, String body) {
        answers.put(request, new Answer(status, status < 300 ? "application/json" : "application/problem+json",
                body, null));
    }

    private static final String ORDER = """
            {"orderId":"9007199254740993","activityId":5,"userId":7,"quantity":2,"amount":"19.80",
             "status":"PAID","xid":"tc:1","placedAt":"2026-01-01T00:00:00Z",
             "history":[{"status":"PENDING","at":"2026-01-01T00:00:00Z"},{"status":"PAID","at":"2026-01-01T00:00:05Z"}]}""";

    @Test
    void readsAnOrderWithItsHistoryAsTheServiceAccount() {
        answer("GET /internal/api/v1/orders/9007199254740993", 200, ORDER);

        Order order = client.order(new OrderId(9007199254740993L));

        assertThat(order.orderId()).isEqualTo("9007199254740993");
        assertThat(order.amount()).isEqualByComparingTo("19.80");
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(order.history()).extracting(Order.StatusChange::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.PAID);
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.method()).isEqualTo("GET");
            assertThat(c.target()).isEqualTo("/internal/api/v1/orders/9007199254740993");
            assertThat(c.authorization()).isEqualTo(AUTH);
        });
    }

    @Test
    void searchesWithTheFiltersGivenOnly() {
        answer("GET /internal/api/v1/orders", 200, "{\"content\":[" + ORDER + "],\"page\":2,\"size\":20,"
                + "\"totalElements\":41}");

        OrderPage page = client.orders(5L, 7L, OrderStatus.PAID, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"), 2, 20);
        client.orders(null, 7L, null, null, null, 0, 50);

        assertThat(page.content()).extracting(Order::orderId).containsExactly("9007199254740993");
        assertThat(page.totalElements()).isEqualTo(41);
        assertThat(page.hasNext()).isFalse();
        assertThat(calls).extracting(Call::target).containsExactly(
                "/internal/api/v1/orders?activityId=5&userId=7&status=PAID&from=2026-01-01T00%3A00%3A00Z"
                        + "&to=2026-01-02T00%3A00%3A00Z&page=2&size=20",
                "/internal/api/v1/orders?userId=7&page=0&size=50");
    }

    @Test
    void paysAndCancelsForTheCaller() {
        answer("POST /internal/api/v1/orders/11/payment", 200, ORDER.replace("9007199254740993", "11"));
        answer("POST /internal/api/v1/orders/12/cancellation", 200,
                ORDER.replace("9007199254740993", "12").replace("\"PAID\",\"xid", "\"CANCELLED\",\"xid"));

        assertThat(client.pay(new OrderId(11), new Caller(7)).orderId()).isEqualTo("11");
        assertThat(client.cancel(new OrderId(12), new Caller(7)).status()).isEqualTo(OrderStatus.CANCELLED);

        assertThat(calls).extracting(Call::method, Call::target, Call::authorization, Call::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST", "/internal/api/v1/orders/11/payment", AUTH,
                        "{\"userId\":7}"),
                org.assertj.core.groups.Tuple.tuple("POST", "/internal/api/v1/orders/12/cancellation", AUTH,
                        "{\"userId\":7}"));
        assertThat(calls.get(0).contentType()).startsWith("application/json");
    }

    @Test
    void redrivesAPlacedOrderAndReadsTheOutcome() throws IOException {
        answer("POST /internal/api/v1/placements", 200, "{\"orderId\":\"41\",\"outcome\":\"RETRYING\"}");
        OrderPlaced placed = OrderPlaced.of(41, 5, 7, 1, new BigDecimal("9.90"), Instant.parse("2026-01-01T00:00:00Z"));

        Redriven answer = client.redrive(placed);

        assertThat(answer.outcome()).isEqualTo(Redriven.Outcome.RETRYING);
        assertThat(answer.outcome().settled()).isFalse();
        assertThat(calls.get(0).target()).isEqualTo("/internal/api/v1/placements");
        assertThat(calls.get(0).authorization()).isEqualTo(AUTH);
        assertThat(new ObjectMapper().findAndRegisterModules().readValue(calls.get(0).body(), OrderPlaced.class))
                .isEqualTo(placed);
    }

    @Test
    void readsTheSaleStock() {
        answer("GET /internal/api/v1/activities/5/stock", 200, """
                {"activityId":5,"total":100,"remaining":40,"sold":60,"orders":{"CREATED":3,"PAID":57}}""");

        SaleStock stock = client.stock(new SaleId(5));

        assertThat(stock.remaining()).isEqualTo(40);
        assertThat(stock.orders()).containsEntry(OrderStatus.PAID, 57L);
        assertThat(calls.get(0).authorization()).isEqualTo(AUTH);
    }

    @Test
    void aNotFoundOrAConflictIsARefusalWithTheServicesDetail() {
        answer("GET /internal/api/v1/orders/1", 404, "{\"status\":404,\"detail\":\"order 1 not found\"}");
        answer("POST /internal/api/v1/orders/2/payment", 409, "{\"status\":409,\"detail\":\"order 2 is CANCELLED\"}");
        answer("POST /internal/api/v1/orders/3/payment", 402, "not a problem document");

        assertThatThrownBy(() -> client.order(new OrderId(1))).isInstanceOfSatisfying(OrderServiceRefused.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.detail()).isEqualTo("order 1 not found");
        });
        assertThatThrownBy(() -> client.pay(new OrderId(2), new Caller(7))).isInstanceOfSatisfying(OrderServiceRefused.class,
                e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).isEqualTo("order 2 is CANCELLED");
                });
        assertThatThrownBy(() -> client.pay(new OrderId(3), new Caller(7))).isInstanceOfSatisfying(OrderServiceRefused.class,
                e -> assertThat(e.status()).isEqualTo(402));
    }

    @Test
    void aServerErrorIsUnavailableWithItsStatus() {
        answer("GET /internal/api/v1/activities/1/stock", 500, "{\"status\":500}");
        answer("POST /internal/api/v1/orders/4/payment", 503, "{\"status\":503,\"detail\":\"provider timed out\"}");

        assertThatThrownBy(() -> client.stock(new SaleId(1))).isInstanceOfSatisfying(OrderServiceUnavailable.class,
                e -> assertThat(e.status()).isEqualTo(500));
        assertThatThrownBy(() -> client.pay(new OrderId(4), new Caller(7))).isInstanceOfSatisfying(OrderServiceUnavailable.class,
                e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.detail()).isEqualTo("provider timed out");
                });
    }

    @Test
    void aSlowUnreadableOrUnreachableServiceIsUnavailable() throws IOException {
        answers.put("GET /internal/api/v1/orders/5", new Answer(200, "application/json", ORDER, Duration.ofSeconds(2)));
        answer("GET /internal/api/v1/orders/6", 200, "{\"orderId\":");
        answer("POST /internal/api/v1/placements", 200, "{\"orderId\":\"41\"}");
        OrderPlaced placed = OrderPlaced.of(41, 5, 7, 1, BigDecimal.ONE, Instant.parse("2026-01-01T00:00:00Z"));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.order(new OrderId(5))).isInstanceOfSatisfying(OrderServiceUnavailable.class,
                e -> assertThat(e.status()).isZero());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        assertThatThrownBy(() -> client.order(new OrderId(6))).isInstanceOf(OrderServiceUnavailable.class);
        assertThatThrownBy(() -> client.redrive(placed)).isInstanceOf(OrderServiceUnavailable.class)
                .rootCause().hasMessageContaining("without an outcome");

        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        OrderServiceApi down = OrderServiceAutoConfiguration.client(RestClient.builder(),
                settings(URI.create("http://127.0.0.1:" + closed), Duration.ofMillis(300)));
        assertThatThrownBy(() -> down.stock(new SaleId(1))).isInstanceOfSatisfying(OrderServiceUnavailable.class,
                e -> assertThat(e.status()).isZero());
    }
}
