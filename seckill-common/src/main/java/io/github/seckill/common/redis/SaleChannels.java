package io.github.seckill.common.redis;

/**
 * Redis pub/sub channels that keep every shopper API instance's local sold-out flags in step.
 * Messages are the sale's id.
 */
public final class SaleChannels {

    private SaleChannels() {
    }

    /** A sale ran out of stock: instances may refuse its purchases in memory. */
    public static String soldOut(String prefix) {
        return prefix + ":sold-out";
    }

    /** Stock came back to a sale that had none (release, cancel, timeout): clear the flag. */
    public static String restocked(String prefix) {
        return prefix + ":restocked";
    }
}
