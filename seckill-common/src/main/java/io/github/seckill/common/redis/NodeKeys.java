package io.github.seckill.common.redis;

/**
 * Redis keys and channels of no single sale or shopper: what the instances share (order-id node
 * leases, rate-limit buckets, sold-out announcements) and the catalogue of sales. None carries a hash
 * tag, so on a Redis Cluster each lands on a slot of its own.
 */
public record NodeKeys(String prefix) {

    public NodeKeys {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("prefix must not be blank");
        }
    }

    /** Who holds order-id node {@code node} (0..1023): an instance's token, expiring unless renewed. */
    public String lease(int node) {
        return prefix + ":node:" + node;
    }

    /** Index of prewarmed sales scored by their end (epoch ms). */
    public String catalogue() {
        return prefix + ":sales";
    }

    /** The rate-limit bucket of all purchases. */
    public String globalRateLimit() {
        return prefix + ":limit:global";
    }

    /** The purchase rate-limit bucket of one client address. */
    public String ipRateLimit(String clientIp) {
        return prefix + ":limit:ip:" + clientIp;
    }

    /** The register, login and refresh rate-limit bucket of one client address. */
    public String authRateLimit(String clientIp) {
        return prefix + ":limit:auth:" + clientIp;
    }

    /** Pub/sub channel: a sale ran out of stock, instances may refuse its purchases in memory (message: sale id). */
    public String soldOutChannel() {
        return prefix + ":sold-out";
    }

    /** Pub/sub channel: stock came back to a sale that had none (release, cancel, timeout): clear the flag. */
    public String restockedChannel() {
        return prefix + ":restocked";
    }
}
