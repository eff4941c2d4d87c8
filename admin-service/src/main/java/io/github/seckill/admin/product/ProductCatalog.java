package io.github.seckill.admin.product;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The products on offer. {@link #exists} is what other features may ask. */
@Service
public class ProductCatalog {

    private final Products products;

    ProductCatalog(Products products) {
        this.products = products;
    }

    public boolean exists(long id) {
        return products.existsById(id);
    }

    @Transactional
    ProductView add(NewProduct p) {
        return ProductView.of(products.save(new Product(p.name(), p.description(), p.price())));
    }

    @Transactional(readOnly = true)
    List<ProductView> all() {
        return products.findAll(Sort.by("id")).stream().map(ProductView::of).toList();
    }

    @Transactional(readOnly = true)
    ProductView get(long id) {
        return products.findById(id).map(ProductView::of).orElseThrow(() -> new ProductNotFound(id));
    }
}
