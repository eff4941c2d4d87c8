package io.github.seckill.compensation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Real HTTP servers standing in for the peers: order-service's internal placement API (answers
 * scripted per order id; a status such as {@code 500} or {@code 409} answers that HTTP error) and the
 * alert webhook receiver.
 */
final class PeerStub {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<Long, Deque<String>> SCRIPT = new ConcurrentHashMap<>();
    static final Map<Long, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    /** When each placement call of an order arrived (System.nanoTime), in order. */
    static final Map<Long, List<Long>> CALLED_AT = new ConcurrentHashMap<>();
    /** Webhook deliveries per order id still to refuse with a 503, and every delivery tried. */
    static final Map<Long, AtomicInteger> HOOK_REFUSALS = new ConcurrentHashMap<>();
    static final Map<Long, AtomicInteger> HOOK_TRIES = new ConcurrentHashMap<>();
    static final List<JsonNode> ALERTS = new CopyOnWriteArrayList<>();
    /** MySQL's stock row per sale as order-service would report it; absent: 404. */
    static final Map<Long, String> STOCK = new ConcurrentHashMap<>();
    static final HttpServer SERVER = start();

    private PeerStub() {
    }

    static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }

    static void script(long orderId, String... outcomes) {
        SCRIPT.put(orderId, new ArrayDeque<>(List.of(outcomes)));
    }

    static int calls(long orderId) {
        AtomicInteger n = CALLS.get(orderId);
        return n == null ? 0 : n.get();
    }

    static List<JsonNode> alertsFor(long orderId) {
        return ALERTS.stream().filter(a -> Long.toString(orderId).equals(a.path("orderId").asText())).toList();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/api/v1/placements", PeerStub::placement);
            server.createContext("/hook", PeerStub::hook);
            server.createContext("/internal/api/v1/activities/", PeerStub::stock);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void placement(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Basic ")) {
            answer(x, 401, "{}");
            return;
        }
        JsonNode order = JSON.readTree(x.getRequestBody());
        long orderId = order.path("orderId").asLong();
        CALLED_AT.computeIfAbsent(orderId, id -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
        CALLS.computeIfAbsent(orderId, id -> new AtomicInteger()).incrementAndGet();
        Deque<String> script = SCRIPT.get(orderId);
        String outcome = script == null || script.isEmpty() ? "COMMITTED"
                : script.size() == 1 ? script.peekFirst() : script.pollFirst();
        if (outcome.matches("\\d{3}")) { // an HTTP error status: 500, 409...
            answer(x, Integer.parseInt(outcome), "{\"title\":\"boom\",\"status\":" + outcome + "}");
            return;
        }
        answer(x, 200, "{\"orderId\":\"" + orderId + "\",\"outcome\":\"" + outcome + "\"}");
    }

    private static void stock(HttpExchange x) throws IOException {
        String[] path = x.getRequestURI().getPath().split("/"); // /internal/api/v1/activities/{id}/stock
        String row = STOCK.get(Long.parseLong(path[5]));
        answer(x, row == null ? 404 : 200, row == null ? "{\"type\":\"urn:seckill:problem:not-found\"}" : row);
    }

    private static void hook(HttpExchange x) throws IOException {
        JsonNode alert = JSON.readTree(x.getRequestBody());
        long orderId = alert.path("orderId").asLong();
        HOOK_TRIES.computeIfAbsent(orderId, id -> new AtomicInteger()).incrementAndGet();
        AtomicInteger refusals = HOOK_REFUSALS.get(orderId);
        if (refusals != null && refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(x, 503, "{\"title\":\"webhook down\"}");
            return;
        }
        ALERTS.add(alert);
        answer(x, 200, "{}");
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
