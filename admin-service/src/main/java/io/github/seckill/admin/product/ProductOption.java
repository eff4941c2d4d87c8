package io.github.seckill.admin.product;

/** A product that a new sale may use, as a form's choice. */
public record ProductOption(long id, String name) {
}
