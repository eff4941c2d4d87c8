package io.github.seckill.api.orders;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for order-service's internal API (a peer service, built in parallel): a real HTTP server on
 * a free port that answers each "METHOD path?query" with what the test set, and records what it was asked.
 * Anything not set is a 404 problem, as order-service answers an unknown order.
 */
final class OrderServiceStub implements AutoCloseable {

    record Call(String method, String target, String authorization, String body) {
    }

    private record Canned(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Canned> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    OrderServiceStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String method, String target, int status, String json) {
        String type = status >= 400 ? "application/problem+json" : "application/json";
        answers.put(method + " " + target, new Canned(status, type, json));
    }

    static String problem(int status, String type, String detail) {
        return "{\"type\":\"urn:seckill:problem:" + type + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"}";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> callsTo(String target) {
        return calls.stream().filter(c -> c.target().startsWith(target)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().toString();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        calls.add(new Call(exchange.getRequestMethod(), target,
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Canned canned = answers.getOrDefault(exchange.getRequestMethod() + " " + target,
                new Canned(404, "application/problem+json", problem(404, "not-found", "no order")));
        byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", canned.contentType());
        exchange.sendResponseHeaders(canned.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
