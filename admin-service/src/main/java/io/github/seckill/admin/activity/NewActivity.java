package io.github.seckill.admin.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of <code>POST /admin/api/v1/activities</code>. Times need an offset; checks across fields
 * (limit within stock, end after start) are the sale's own, see {@link Activity}.
 */
record NewActivity(
        @NotNull @Positive Long productId,
        @NotBlank @Size(max = 200) String title,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal price,
        @NotNull @Min(1) @Max(10_000_000) Integer stock,
        @NotNull @Min(1) Integer limitPerUser,
        @NotNull OffsetDateTime startAt,
        @NotNull OffsetDateTime endAt) {

    Activity toActivity() {
        return new Activity(productId, title, price, stock, limitPerUser, startAt.toInstant(), endAt.toInstant());
    }
}
