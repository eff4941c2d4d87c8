package io.github.seckill.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.problem.ProblemTypes;

/**
 * Shoppers buying one sale at a steady rate, one unit each, until stopped: the load a fault lands in.
 * A shopper clicks until it holds a 202. A click that got no answer (the connection died with the
 * instance) or was told its first request is still in progress is sent again with the same
 * {@code Idempotency-Key}, as a client must; any other answer ends that key, and the shopper's next click
 * is a new purchase with a fresh key. Every click is recorded
 * with the phase of the run it was sent in.
 */
final class Crowd implements AutoCloseable {

    /** One click's answer; status 0 when there was none (connection refused, reset or timed out). */
    record Click(String phase, long sentAtNanos, long answeredAtNanos, int status, String problem,
            boolean retryAfter, String orderId) {

        long millis() {
            return (answeredAtNanos - sentAtNanos) / 1_000_000;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IN_PROGRESS = ProblemTypes.REQUEST_IN_PROGRESS.toString();

    private final List<URI> purchases;
    private final AtomicInteger turn = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Deque<Shopper> waiting = new ArrayDeque<>();
    private final List<Click> clicks = new CopyOnWriteArrayList<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Set<Shopper> owed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(16);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile String phase = "before";

    private Crowd(List<URI> purchases, List<String> tokens) {
        this.purchases = purchases;
        tokens.forEach(t -> waiting.add(new Shopper(t)));
    }

    /** Starts clicking: {@code perSecond} clicks a second, the shoppers in turn. */
    static Crowd buying(URI api, long sale, List<String> tokens, int perSecond) {
        return buying(List.of(api), sale, tokens, perSecond);
    }

    /**
     * The same through several seckill-api instances, each click to the next in turn as a round-robin
     * load balancer sends them: a click sent again with its key may reach another instance than the first.
     */
    static Crowd buying(List<URI> apis, long sale, List<String> tokens, int perSecond) {
        Crowd crowd = new Crowd(apis.stream().map(api -> api.resolve("/api/v1/activities/" + sale + "/orders"))
                .toList(), tokens);
        crowd.pace.scheduleAtFixedRate(crowd::next, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return crowd;
    }

    /** Names the phase the following clicks are sent in (the fault, the heal). */
    void phase(String name) {
        phase = name;
    }

    /** Accepted order ids and the token of the shopper each belongs to. */
    Map<String, String> accepted() {
        return Map.copyOf(owners);
    }

    List<Click> clicks() {
        return List.copyOf(clicks);
    }

    /**
     * Shoppers still owed an answer: their last click got none, or was told its first request is still in
     * progress. Their purchase may be an order already; the crowd must not stop before they know.
     */
    int owed() {
        return owed.size();
    }

    /** Clicks sent and not answered yet. */
    int inFlight() {
        return inFlight.get();
    }

    /** Answers by status in one phase; status 0 counts the clicks that got none. */
    Map<Integer, Long> answers(String inPhase) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        clicks.stream().filter(c -> c.phase().equals(inPhase)).forEach(c -> byStatus.merge(c.status(), 1L, Long::sum));
        return byStatus;
    }

    /** The first 202 to a click sent at or after {@code nanos}. */
    Optional<Click> firstAcceptedAfter(long nanos) {
        return clicks.stream().filter(c -> c.status() == 202 && c.sentAtNanos() >= nanos)
                .min((a, b) -> Long.compare(a.sentAtNanos(), b.sentAtNanos()));
    }

    private void next() {
        Shopper shopper;
        synchronized (waiting) {
            shopper = waiting.pollFirst();
        }
        if (shopper != null) {
            senders.execute(() -> click(shopper));
        }
    }

    private void click(Shopper shopper) {
        String sentIn = phase;
        long sentAt = System.nanoTime();
        Click click;
        inFlight.incrementAndGet();
        try {
            URI purchase = purchases.get(Math.floorMod(turn.getAndIncrement(), purchases.size()));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(purchase)
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + shopper.token)
                    .header("Idempotency-Key", shopper.key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().startsWith("{") ? JSON.readTree(response.body()) : JSON.createObjectNode();
            String orderId = body.path("orderId").asText(null);
            click = new Click(sentIn, sentAt, System.nanoTime(), response.statusCode(),
                    body.path("type").asText(null), response.headers().firstValue("Retry-After").isPresent(), orderId);
        } catch (IOException e) {
            click = new Click(sentIn, sentAt, System.nanoTime(), 0, e.getClass().getSimpleName(), false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            inFlight.decrementAndGet();
        }
        clicks.add(click);
        if (click.status() == 202) {
            owed.remove(shopper);
            owners.put(click.orderId(), shopper.token);
            return; // bought: this shopper is done
        }
        if (click.status() != 0 && !IN_PROGRESS.equals(click.problem())) {
            owed.remove(shopper);
            shopper.key = UUID.randomUUID().toString(); // answered: the next click is a new purchase
        } else {
            owed.add(shopper);
        }
        synchronized (waiting) {
            waiting.addLast(shopper);
        }
    }

    /** Stops sending and waits for the clicks in flight; the records stay readable. */
    @Override
    public void close() {
        pace.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Shopper {
        final String token;
        String key = UUID.randomUUID().toString();

        Shopper(String token) {
            this.token = token;
        }
    }
}
