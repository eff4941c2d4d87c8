package io.github.seckill.admin.activity;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.github.seckill.admin.audit.AuditLog;
import io.github.seckill.admin.product.ProductCatalog;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;

/**
 * Schedules sales and publishes them to Redis. The status lives in MySQL, the sellable stock in
 * Redis. A transition is flushed first (the versioned UPDATE holds the row, so a concurrent prewarm
 * or close fails with 409 before it reaches Redis), then Redis is called inside the same transaction:
 * a failed Redis call rolls the status back, and a commit failing after it is repaired by repeating
 * the idempotent call. Every change is audited in the same transaction.
 */
@Service
class ActivityService {

    private final Activities activities;
    private final ProductCatalog products;
    private final Reservations reservations;
    private final AuditLog audit;
    private final Clock clock;

    ActivityService(Activities activities, ProductCatalog products, Reservations reservations, AuditLog audit,
            Clock clock) {
        this.activities = activities;
        this.products = products;
        this.reservations = reservations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ActivityView schedule(NewActivity request) {
        if (!products.exists(request.productId())) {
            throw new UnknownProduct(request.productId());
        }
        ActivityView created = ActivityView.of(activities.save(request.toActivity()), null);
        audit.record("sale.create", "sale", created.id(), null, created);
        return created;
    }

    /** New terms for a sale that has neither started nor been prewarmed; the product stays. */
    @Transactional
    ActivityView reschedule(long id, NewActivity terms) {
        Activity sale = find(id);
        ActivityView before = ActivityView.of(sale, null);
        sale.reschedule(terms.title(), terms.price(), terms.stock(), terms.limitPerUser(),
                terms.startAt().toInstant(), terms.endAt().toInstant(), clock.instant());
        ActivityView after = ActivityView.of(activities.saveAndFlush(sale), null);
        audit.record("sale.update", "sale", id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    List<ActivityView> all() {
        return activities.findAll(Sort.by(Sort.Direction.DESC, "id")).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    ActivityView get(long id) {
        return view(find(id));
    }

    /** Puts the sale into Redis; a repeat keeps the stock already sold (see prewarm.lua). */
    @Transactional
    ActivityView prewarm(long id) {
        Activity sale = find(id);
        ActivityView before = view(sale);
        sale.markPrewarmed();
        activities.saveAndFlush(sale);
        long remaining = reservations.prewarm(new SaleId(id), sale.title(), sale.stock(), sale.limitPerUser(),
                sale.startAt(), sale.endAt(), sale.price());
        ActivityView after = ActivityView.of(sale, remaining);
        audit.record("sale.prewarm", "sale", id, before, after);
        return after;
    }

    /** Stops new reservations in Redis; live ones run their course. */
    @Transactional
    ActivityView close(long id) {
        Activity sale = find(id);
        ActivityView before = view(sale);
        sale.markClosed();
        activities.saveAndFlush(sale);
        reservations.close(new SaleId(id));
        ActivityView after = view(sale);
        audit.record("sale.close", "sale", id, before, after);
        return after;
    }

    private Activity find(long id) {
        return activities.findById(id).orElseThrow(() -> new SaleNotFound(id));
    }

    private ActivityView view(Activity sale) {
        return ActivityView.of(sale, reservations.remaining(new SaleId(sale.id())).orElse(null));
    }
}
