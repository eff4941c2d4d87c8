package io.github.seckill.common.redis;

/** Redis keys of the shopper API instances: the order-id node each one leases. */
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
}
