package io.github.seckill.common.messaging;

/** Kafka topic names (docs/design.md §7). Services read them from configuration with these as defaults. */
public final class Topics {

    /** {@link OrderPlaced}, keyed by order id. */
    public static final String ORDER_PLACED = "seckill.order.placed";
    /** {@link OrderFailed}: transient failures for the compensation ladder, keyed by order id. */
    public static final String ORDER_FAILED = "seckill.order.failed";
    /** Orders the ladder could not heal. */
    public static final String ORDER_DLQ = "seckill.order.dlq";
    /** Order status changes, keyed by order id. */
    public static final String ORDER_EVENTS = "seckill.order.events";

    private Topics() {
    }
}
