package io.github.seckill.api.catalogue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.github.seckill.api.infra.Breakers;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.SaleTerms;

/**
 * The sales admin-service prewarmed into Redis (terms, stock and the catalogue index), read through a
 * short in-memory cache. Unknown ids are cached too, so probing for sales never reaches Redis twice
 * within the cache time. MySQL is never asked: this service has no sales table.
 */
@Component
public class Catalogue {

    private static final String OPEN = "open";

    private final Reservations reservations;
    private final Breakers breakers;
    private final LoadingCache<Long, Optional<Snapshot>> sales;
    private final LoadingCache<String, List<Long>> index;

    Catalogue(Reservations reservations, Breakers breakers, CatalogueSettings settings) {
        this.reservations = reservations;
        this.breakers = breakers;
        this.sales = Caffeine.newBuilder().expireAfterWrite(settings.ttl()).maximumSize(settings.maxSales())
                .build(this::load);
        this.index = Caffeine.newBuilder().expireAfterWrite(settings.ttl())
                .build(key -> breakers.redis().executeSupplier(() -> reservations.salesOpenAt(Instant.now())));
    }

    /** The sale's terms as last read from Redis (at most the cache time ago), or empty when it is no sale. */
    public Optional<SaleTerms> terms(long id) {
        return sales.get(id).map(Snapshot::terms);
    }

    Optional<SaleView> sale(long id, Instant now) {
        return sales.get(id).map(s -> SaleView.of(id, s.terms(), s.remaining(), now));
    }

    /** Sales that have not ended, soonest start first. */
    List<SaleView> open(Instant now) {
        return sales.getAll(index.get(OPEN)).entrySet().stream()
                .filter(e -> e.getValue().isPresent())
                .map(e -> SaleView.of(e.getKey(), e.getValue().get().terms(), e.getValue().get().remaining(), now))
                .sorted(Comparator.comparing(SaleView::startAt).thenComparing(SaleView::id))
                .toList();
    }

    private Optional<Snapshot> load(long id) {
        if (id <= 0) {
            return Optional.empty(); // no sale has such an id: nothing to ask Redis
        }
        SaleId sale = new SaleId(id);
        return breakers.redis().executeSupplier(() -> reservations.terms(sale)
                .map(terms -> new Snapshot(terms, reservations.remaining(sale).orElse(0L))));
    }

    private record Snapshot(SaleTerms terms, long remaining) {
    }
}
