package io.github.seckill.loadtest.sale;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every purchase answer of the sale, by status and problem {@code type}, with its latency. */
final class Outcomes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "urn:seckill:problem:";

    private final Map<String, LongAdder> byAnswer = new ConcurrentHashMap<>();
    private final Set<String> orders = ConcurrentHashMap.newKeySet();
    private final LongAdder reads = new LongAdder();
    private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEnd = new AtomicLong();
    private final AtomicLong lastRead = new AtomicLong();
    private final AtomicLong lastAccepted = new AtomicLong();
    private final Latencies all = new Latencies();
    private final Latencies accepted = new Latencies();

    /** One purchase answer; status 0 = none (connection refused or timed out). */
    void purchase(int status, String body, boolean replayed, long latencyMillis) {
        long end = System.currentTimeMillis();
        firstStart.accumulateAndGet(end - latencyMillis, Math::min);
        lastEnd.accumulateAndGet(end, Math::max);
        String answer = status == 0 ? "no answer" : status + " " + kind(status, body);
        byAnswer.computeIfAbsent(replayed ? answer + " (replayed)" : answer, k -> new LongAdder()).increment();
        if (status == 202) {
            // a replay may carry the only 202 of an order whose first answer was lost (e.g. a 503 after it was placed)
            orders.add(field(body, "orderId"));
        }
        all.add(latencyMillis);
        if (status == 202 && !replayed) {
            accepted.add(latencyMillis);
            lastAccepted.accumulateAndGet(end, Math::max);
        }
    }

    void read() {
        reads.increment();
        lastRead.accumulateAndGet(System.currentTimeMillis(), Math::max);
    }

    private static String kind(int status, String body) {
        String type = field(body, "type");
        if (type != null) {
            return type.startsWith(PROBLEM) ? type.substring(PROBLEM.length()) : type;
        }
        return status == 202 ? "accepted" : "-";
    }

    private static String field(String body, String name) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node != null && node.hasNonNull(name) ? node.get(name).asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Answers in order of count, e.g. {@code 409 sold-out -> 9900}. */
    Map<String, Long> answers() {
        Map<String, Long> out = new TreeMap<>();
        byAnswer.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long accepted() {
        return orders.size();
    }

    /** Order ids answered 202. */
    Set<String> orders() {
        return Set.copyOf(orders);
    }

    long purchases() {
        return all.count();
    }

    long reads() {
        return reads.sum();
    }

    long firstStart() {
        return firstStart.get();
    }

    /** End of the last purchase answer. */
    long lastEnd() {
        return lastEnd.get();
    }

    /** End of the last request of any kind. */
    long lastRequest() {
        return Math.max(lastEnd.get(), lastRead.get());
    }

    long lastAccepted() {
        return lastAccepted.get();
    }

    /** Latency of every purchase answer. */
    Latencies latencies() {
        return all;
    }

    /** Latency of the answers that took an order (202, not replayed): the whole purchase path. */
    Latencies acceptedLatencies() {
        return accepted;
    }

    /** Purchase latencies in ms. */
    static final class Latencies {

        private long[] values = new long[1024];
        private int count;

        synchronized void add(long millis) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = millis;
        }

        synchronized int count() {
            return count;
        }

        /** The q-quantile (0 < q <= 1), nearest rank; 0 when empty. */
        synchronized long percentile(double q) {
            if (count == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return sorted[(int) Math.max(0, Math.ceil(q * count) - 1)];
        }
    }
}
