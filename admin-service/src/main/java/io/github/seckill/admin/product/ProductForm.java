package io.github.seckill.admin.product;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The product form (same rules as {@link NewProduct}). */
class ProductForm {

    @NotBlank
    @Size(max = 200)
    private String name;
    @Size(max = 2000)
    private String description;
    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @Digits(integer = 10, fraction = 2)
    private BigDecimal price;

    static ProductForm of(ProductView p) {
        ProductForm f = new ProductForm();
        f.name = p.name();
        f.description = p.description();
        f.price = p.price();
        return f;
    }

    NewProduct toRequest() {
        return new NewProduct(name, description == null || description.isBlank() ? null : description, price);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
}
