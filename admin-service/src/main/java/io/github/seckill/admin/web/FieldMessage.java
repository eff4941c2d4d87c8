package io.github.seckill.admin.web;

/** One rejected field of a request, as listed in a problem's <code>errors</code> array. */
public record FieldMessage(String field, String message) {
}
