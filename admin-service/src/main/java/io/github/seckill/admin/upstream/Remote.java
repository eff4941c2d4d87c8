package io.github.seckill.admin.upstream;

import java.util.function.Function;

/**
 * A figure read from another service, or the reason it is unavailable (the service is down, slow or
 * answered an error): pages show "unavailable" for it instead of failing.
 */
public record Remote<T>(T value, String unavailable) {

    static <T> Remote<T> of(T value) {
        return new Remote<>(value, null);
    }

    static <T> Remote<T> failed(String why) {
        return new Remote<>(null, why);
    }

    public boolean available() {
        return unavailable == null;
    }

    public <R> Remote<R> map(Function<T, R> f) {
        return available() ? of(f.apply(value)) : failed(unavailable);
    }

    public T orElse(T other) {
        return available() ? value : other;
    }
}
