package io.github.seckill.admin.activity;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The sale form; times are typed in the UI's zone (see UiSettings) and stored in UTC. */
class SaleForm {

    @NotNull
    private Long productId;
    @NotBlank
    @Size(max = 200)
    private String title;
    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @Digits(integer = 10, fraction = 2)
    private BigDecimal price;
    @NotNull
    @Min(1)
    @Max(10_000_000)
    private Integer stock;
    @NotNull
    @Min(1)
    private Integer limitPerUser;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime startAt;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime endAt;

    static SaleForm of(ActivityView s, ZoneId zone) {
        SaleForm f = new SaleForm();
        f.productId = s.productId();
        f.title = s.title();
        f.price = s.price();
        f.stock = s.stock();
        f.limitPerUser = s.limitPerUser();
        f.startAt = LocalDateTime.ofInstant(s.startAt(), zone);
        f.endAt = LocalDateTime.ofInstant(s.endAt(), zone);
        return f;
    }

    NewActivity toRequest(ZoneId zone) {
        return new NewActivity(productId, title, price, stock, limitPerUser, startAt.atZone(zone).toOffsetDateTime(),
                endAt.atZone(zone).toOffsetDateTime());
    }

    public Long getProductId() { return productId; }
    public void setProductId(Long productId) { this.productId = productId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public Integer getStock() { return stock; }
    public void setStock(Integer stock) { this.stock = stock; }
    public Integer getLimitPerUser() { return limitPerUser; }
    public void setLimitPerUser(Integer limitPerUser) { this.limitPerUser = limitPerUser; }
    public LocalDateTime getStartAt() { return startAt; }
    public void setStartAt(LocalDateTime startAt) { this.startAt = startAt; }
    public LocalDateTime getEndAt() { return endAt; }
    public void setEndAt(LocalDateTime endAt) { this.endAt = endAt; }
}
