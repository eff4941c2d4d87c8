package io.github.seckill.common.id;

/** A order's id: always positive; {@link #toString()} is the plain number, as keys and logs expect. */
public record OrderId(long value) {

    public OrderId {
        if (value <= 0) {
            throw new IllegalArgumentException("order id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
