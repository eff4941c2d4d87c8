package io.github.seckill.admin.activity;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.github.seckill.admin.product.ProductCatalog;
import io.github.seckill.common.redis.Reservations;

/**
 * Schedules sales and publishes them to Redis. The status lives in MySQL, the sellable stock in
 * Redis. A transition is flushed first (the versioned UPDATE holds the row, so a concurrent prewarm
 * or close fails with 409 before it reaches Redis), then Redis is called inside the same transaction:
 * a failed Redis call rolls the status back, and a commit failing after it is repaired by repeating
 * the idempotent call.
 */
@Service
class ActivityService {

    private final Activities activities;
    private final ProductCatalog products;
    private final Reservations reservations;

    ActivityService(Activities activities, ProductCatalog products, Reservations reservations) {
        this.activities = activities;
        this.products = products;
        this.reservations = reservations;
    }

    @Transactional
    ActivityView schedule(NewActivity request) {
        if (!products.exists(request.productId())) {
            throw new UnknownProduct(request.productId());
        }
        return ActivityView.of(activities.save(request.toActivity()), null);
    }

    @Transactional(readOnly = true)
    List<ActivityView> all() {
        return activities.findAll(Sort.by("id")).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    ActivityView get(long id) {
        return view(find(id));
    }

    /** Puts the sale into Redis; a repeat keeps the stock already sold (see prewarm.lua). */
    @Transactional
    ActivityView prewarm(long id) {
        Activity sale = find(id);
        sale.markPrewarmed();
        activities.saveAndFlush(sale);
        long remaining = reservations.prewarm(id, sale.title(), sale.stock(), sale.limitPerUser(), sale.startAt(),
                sale.endAt(), sale.price());
        return ActivityView.of(sale, remaining);
    }

    /** Stops new reservations in Redis; live ones run their course. */
    @Transactional
    ActivityView close(long id) {
        Activity sale = find(id);
        sale.markClosed();
        activities.saveAndFlush(sale);
        reservations.close(id);
        return view(sale);
    }

    private Activity find(long id) {
        return activities.findById(id).orElseThrow(() -> new SaleNotFound(id));
    }

    private ActivityView view(Activity sale) {
        return ActivityView.of(sale, reservations.remaining(sale.id()).orElse(null));
    }
}
