package io.github.seckill.admin.product;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.github.seckill.admin.audit.AuditLog;

/** The products on offer. {@link #exists} and {@link #options} are what other features may ask. */
@Service
public class ProductCatalog {

    private final Products products;
    private final AuditLog audit;
    private final Clock clock;

    ProductCatalog(Products products, AuditLog audit, Clock clock) {
        this.products = products;
        this.audit = audit;
        this.clock = clock;
    }

    /** True for a product that a new sale may use (it exists and is not archived). */
    public boolean exists(long id) {
        return products.existsByIdAndArchivedAtIsNull(id);
    }

    @Transactional(readOnly = true)
    public List<ProductOption> options() {
        return products.findByArchivedAtIsNullOrderByName().stream()
                .map(p -> new ProductOption(p.id(), p.name())).toList();
    }

    @Transactional
    ProductView add(NewProduct p) {
        ProductView created = ProductView.of(products.save(new Product(p.name(), p.description(), p.price())));
        audit.record("product.create", "product", created.id(), null, created);
        return created;
    }

    @Transactional
    ProductView change(long id, NewProduct p) {
        Product product = find(id);
        ProductView before = ProductView.of(product);
        product.change(p.name(), p.description(), p.price());
        ProductView after = ProductView.of(products.saveAndFlush(product));
        audit.record("product.update", "product", id, before, after);
        return after;
    }

    @Transactional
    ProductView archive(long id) {
        Product product = find(id);
        ProductView before = ProductView.of(product);
        product.archive(clock.instant());
        ProductView after = ProductView.of(products.saveAndFlush(product));
        audit.record("product.archive", "product", id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    List<ProductView> all() {
        return products.findAll(Sort.by("id")).stream().map(ProductView::of).toList();
    }

    @Transactional(readOnly = true)
    ProductView get(long id) {
        return ProductView.of(find(id));
    }

    private Product find(long id) {
        return products.findById(id).orElseThrow(() -> new ProductNotFound(id));
    }
}
