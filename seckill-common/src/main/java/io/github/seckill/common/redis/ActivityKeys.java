package io.github.seckill.common.redis;

import java.util.List;

/**
 * The Redis keys of one sale. Every key carries the hash tag <code>{a&lt;id&gt;}</code>, so the
 * scripts that touch several of them run on one slot of a Redis Cluster.
 *
 * @param prefix key prefix (<code>sk</code> in production; tests use one of their own)
 */
public record ActivityKeys(String prefix, long activityId) {

    public ActivityKeys {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("prefix must not be blank");
        }
        if (activityId <= 0) {
            throw new IllegalArgumentException("activityId must be positive: " + activityId);
        }
    }

    private String key(String part) {
        return prefix + ":{a" + activityId + "}:" + part;
    }

    /** Available stock counter. */
    public String stock() {
        return key("stock");
    }

    /** Sale settings: total, limit, startAt, endAt (epoch ms), price, status. */
    public String meta() {
        return key("meta");
    }

    /** Quantity bought per user id. */
    public String buyers() {
        return key("buyers");
    }

    /** Reservation ledger (the outbox): payload and state per order id. */
    public String ledger() {
        return key("ledger");
    }

    /** Reservations not yet settled, scored by reservation time (epoch ms). */
    public String pending() {
        return key("pending");
    }

    /**
     * Orders of the sale that failed: reservations released before reaching MySQL, each counted once
     * by <code>release.lua</code> (the order reads FAILED; MySQL never holds it).
     */
    public String failed() {
        return key("failed");
    }

    /** The sale's purchase rate-limit bucket (the shopper API's, shared by its instances). */
    public String rateLimit() {
        return key("limit");
    }

    /**
     * The barrier {@link ReplicaAcks} writes before it asks the replicas what they hold; it expires a
     * minute after its last write, so it is not among {@link #all()}.
     */
    public String replicated() {
        return key("replicated");
    }

    List<String> forReserve() {
        return List.of(meta(), stock(), buyers(), ledger(), pending());
    }

    List<String> forRelease() {
        return List.of(stock(), buyers(), ledger(), pending(), failed());
    }

    /** Every key of the sale, in the order <code>retire.lua</code> takes them. */
    public List<String> all() {
        return List.of(meta(), stock(), buyers(), ledger(), pending(), failed(), rateLimit());
    }
}
