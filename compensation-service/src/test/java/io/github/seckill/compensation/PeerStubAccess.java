package io.github.seckill.compensation;

import java.util.List;

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

    /** order-service's MySQL stock of {@code sale}: {@code total}, {@code sold}. */
    public static void mysqlStock(long sale, long total, long sold) {
        PeerStub.STOCK.put(sale, "{\"activityId\":" + sale + ",\"total\":" + total + ",\"remaining\":"
                + (total - sold) + ",\"sold\":" + sold + ",\"orders\":{}}");
    }

    public static List<JsonNode> alertsFor(long orderId) {
        return PeerStub.alertsFor(orderId);
    }
}
