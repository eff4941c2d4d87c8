package io.github.seckill.common.problem;

/** One rejected field or parameter, as listed in a validation problem's {@code errors} array. */
public record FieldMessage(String field, String message) {
}
