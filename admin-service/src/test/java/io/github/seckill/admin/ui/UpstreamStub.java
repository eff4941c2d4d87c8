package io.github.seckill.admin.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP stand-in for order-service and compensation-service in the browser test, answering
 * their documented shapes so that the pages have something to show. Unknown paths answer 404.
 */
final class UpstreamStub implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    UpstreamStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String now = Instant.now().toString();
        String order = """
                {"orderId":"7340032000000000123","activityId":%s,"userId":42,"quantity":1,"amount":"9.90",
                 "status":"PAID","reason":null,"xid":"192.168.0.7:8091:2612","placedAt":"%s","createdAt":"%s",
                 "paidAt":"%s","updatedAt":"%s","history":[{"status":"PENDING","at":"%s"},
                 {"status":"CREATED","at":"%s"},{"status":"PAID","at":"%s"}]}""";
        bodies.put("/internal/api/v1/orders", "{\"content\":[" + order.formatted(1, now, now, now, now, now, now, now)
                + "],\"page\":0,\"size\":50,\"totalElements\":1}");
        bodies.put("/internal/api/v1/orders/7340032000000000123", order.formatted(1, now, now, now, now, now, now, now));
        bodies.put("/ops/api/v1/overview",
                "{\"dlqBacklog\":3,\"pendingReservations\":1,\"hangingTransactions\":2,\"openArchives\":1,\"salesDrifting\":0}");
        bodies.put("/ops/api/v1/archives", """
                {"items":[{"id":11,"orderId":"7340032000000000777","activityId":1,"payload":"{\\"orderId\\":\\"7340032000000000777\\"}",
                 "reason":"DB_TIMEOUT","attempts":4,"firstError":"timeout","lastError":"Lock wait timeout exceeded",
                 "status":"OPEN","resolution":null,"resolvedBy":null,"archivedAt":"%s","updatedAt":"%s"}],
                 "page":0,"size":50,"total":1}""".formatted(now, now));
        bodies.put("/ops/api/v1/retry-policy", """
                {"delays":["PT10S","PT30S","PT1M"],"maxAttempts":4,"maxRungs":10,"updatedBy":"ops","updatedAt":"%s"}"""
                .formatted(now));
        bodies.put("/ops/api/v1/reservations/stuck", """
                [{"activityId":1,"orderId":"7340032000000000999","userId":5,"quantity":1,"state":"TRYING",
                  "xid":"192.168.0.7:8091:77","reservedAt":"%s","ageSeconds":95,"nextAction":"AWAIT_COORDINATOR",
                  "nextActionAt":"%s"}]""".formatted(now, now));
        bodies.put("/ops/api/v1/stock", """
                [{"activityId":1,"total":100,"redisAvailable":97,"live":1,"mysqlRemaining":98,"mysqlSold":2,
                  "drift":0,"hanging":1,"repair":"NONE","checkedAt":"%s"}]""".formatted(now));
        String archive = """
                {"id":11,"orderId":"7340032000000000777","activityId":1,"payload":"{}","reason":"DB_TIMEOUT",
                 "attempts":4,"firstError":"timeout","lastError":"Lock wait timeout exceeded","status":"%s",
                 "resolution":%s,"resolvedBy":%s,"archivedAt":"%s","updatedAt":"%s"}""";
        bodies.put("/ops/api/v1/archives/11", "{\"archive\":" + archive.formatted("OPEN", "null", "null", now, now)
                + ",\"attempts\":[]}");
        String retried = "{\"archiveId\":11,\"orderId\":\"7340032000000000777\",\"result\":\"SUCCEEDED\","
                + "\"outcome\":\"COMMITTED\",\"detail\":null}";
        bodies.put("POST /ops/api/v1/archives/11/retry", retried);
        bodies.put("POST /ops/api/v1/archives/retries", "{\"results\":[" + retried + "]}");
        bodies.put("POST /ops/api/v1/archives/11/resolution",
                archive.formatted("RESOLVED", "\"paid by hand\"", "\"ops\"", now, now));
        bodies.put("PUT /ops/api/v1/retry-policy", """
                {"delays":["PT5S","PT1M"],"maxAttempts":3,"maxRungs":10,"updatedBy":"ops","updatedAt":"%s"}"""
                .formatted(now));
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = "GET".equals(exchange.getRequestMethod()) ? bodies.get(path)
                : bodies.get(exchange.getRequestMethod() + " " + path);
        byte[] bytes = (body == null ? "{\"status\":404}" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
