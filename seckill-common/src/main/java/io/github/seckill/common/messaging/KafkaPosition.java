package io.github.seckill.common.messaging;

/**
 * Where a record sits in its topic, as the broker acknowledged it. The ledger keeps the position of
 * an order's {@code OrderPlaced}, so the sweeper can tell an order still waiting in Kafka from a lost one.
 */
public record KafkaPosition(int partition, long offset) {

    public KafkaPosition {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("no such position: " + partition + ":" + offset);
        }
    }

    /** Reads {@code <partition>:<offset>}, as {@link #toString()} writes it. */
    public static KafkaPosition parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a partition:offset position: " + text);
        }
        return new KafkaPosition(Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    }

    /** True once a consumer whose next offset on this partition is {@code next} has taken this record. */
    public boolean consumedBy(long next) {
        return next > offset;
    }

    @Override
    public String toString() {
        return partition + ":" + offset;
    }
}
