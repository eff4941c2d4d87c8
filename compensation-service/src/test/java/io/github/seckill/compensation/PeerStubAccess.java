package io.github.seckill.compensation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/** {@link PeerStub} for tests in the feature packages. */
public final class PeerStubAccess {

    private PeerStubAccess() {
    }

    public static void script(long orderId, String... outcomes) {
        PeerStub.script(orderId, outcomes);
    }

    public static int calls(long orderId) {
        return PeerStub.calls(orderId);
    }

    /** The time between one placement call of the order and the next, for each pair in turn. */
    public static List<Duration> gapsBetweenCalls(long orderId) {
        List<Long> at = PeerStub.CALLED_AT.getOrDefault(orderId, List.of());
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < at.size(); i++) {
            gaps.add(Duration.ofNanos(at.get(i) - at.get(i - 1)));
        }
        return gaps;
    }

    /** The webhook answers the next {@code times} alerts about the order with a 503. */
    public static void refuseAlerts(long orderId, int times) {
        PeerStub.HOOK_REFUSALS.put(orderId, new AtomicInteger(times));
    }

    /** Deliveries of alerts about the order the webhook saw, refused ones included. */
    public static int alertDeliveries(long orderId) {
        AtomicInteger n = PeerStub.HOOK_TRIES.get(orderId);
        return n == null ? 0 : n.get();
    }

    /** order-service's MySQL stock of {@code sale}: {@code total}, {@code sold}. */
    public static void mysqlStock(long sale, long total, long sold) {
        PeerStub.STOCK.put(sale, "{\"activityId\":" + sale + ",\"total\":" + total + ",\"remaining\":"
                + (total - sold) + ",\"sold\":" + sold + ",\"orders\":{}}");
    }

    public static List<JsonNode> alertsFor(long orderId) {
        return PeerStub.alertsFor(orderId);
    }
}
