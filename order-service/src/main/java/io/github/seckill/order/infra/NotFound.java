package io.github.seckill.order.infra;

/** What the caller asked for does not exist, or is not theirs: 404 either way. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
