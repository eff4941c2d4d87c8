package io.github.seckill.common.id;

/** A user's id: always positive; {@link #toString()} is the plain number, as keys and logs expect. */
public record UserId(long value) {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("user id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
