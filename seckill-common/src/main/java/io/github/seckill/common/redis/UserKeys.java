package io.github.seckill.common.redis;

/** Redis keys of one shopper, under the hash tag <code>{u&lt;id&gt;}</code>. */
public record UserKeys(String prefix, long userId) {

    public UserKeys {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("prefix must not be blank");
        }
    }

    /** Index of the shopper's orders: order id to activity id, so an order is found without its sale. */
    public String orders() {
        return prefix + ":{u" + userId + "}:orders";
    }
}
