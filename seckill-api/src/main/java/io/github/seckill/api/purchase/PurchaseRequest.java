package io.github.seckill.api.purchase;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of a purchase: how many units. The sale's own limit applies on top of the bounds here. */
record PurchaseRequest(@NotNull @Min(1) @Max(100) Integer quantity) {
}
