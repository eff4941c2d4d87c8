package io.github.seckill.stack;

/** The stack cannot start; the message says why and what to do. */
final class StackFailure extends RuntimeException {

    StackFailure(String message) {
        super(message);
    }

    StackFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
