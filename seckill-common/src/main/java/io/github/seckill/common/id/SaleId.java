package io.github.seckill.common.id;

/** A sale's id: always positive; {@link #toString()} is the plain number, as keys and logs expect. */
public record SaleId(long value) {

    public SaleId {
        if (value <= 0) {
            throw new IllegalArgumentException("sale id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
