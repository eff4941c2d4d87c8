package io.github.seckill.common.order;

import java.time.Instant;

/**
 * 64-bit, time-ordered order ids: 41 bits of milliseconds since 2026-01-01, 10 bits of node id,
 * 12 bits of sequence (4096 ids per millisecond per node). Unique across instances as long as each
 * instance has its own node id.
 */
public final class OrderIds {

    static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final int NODE_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

    private final long node;
    private long lastMillis = -1;
    private long sequence;

    public OrderIds(int node) {
        if (node < 0 || node >= (1 << NODE_BITS)) {
            throw new IllegalArgumentException("node id must be in [0, 1023]: " + node);
        }
        this.node = node;
    }

    public synchronized long next() {
        long now = Math.max(System.currentTimeMillis(), lastMillis);
        if (now == lastMillis) {
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) {
                now = lastMillis + 1; // borrow the next millisecond rather than wait for it
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH) << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
    }
}
