package io.github.seckill.common.redis;

/** Redis keys of one shopper, under the hash tag <code>{u&lt;id&gt;}</code>. */
public record UserKeys(String prefix, long userId) {

    public UserKeys {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("prefix must not be blank");
        }
    }

    private String key(String part) {
        return prefix + ":{u" + userId + "}:" + part;
    }

    /** Index of the shopper's orders: order id to activity id, so an order is found without its sale. */
    public String orders() {
        return key("orders");
    }

    /** The request claimed under the shopper's Idempotency-Key {@code key}, and its answer once there is one. */
    public String idempotency(String key) {
        return key("idem:" + key);
    }

    /** Marks refresh token {@code tokenId} spent until it would expire anyway. */
    public String refreshToken(String tokenId) {
        return key("refresh:" + tokenId);
    }

    /** The shopper's purchase rate-limit bucket (a hash: its tokens and when they were counted). */
    public String rateLimit() {
        return key("bucket");
    }
}
