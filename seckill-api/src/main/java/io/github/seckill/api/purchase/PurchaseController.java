package io.github.seckill.api.purchase;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.seckill.api.ratelimit.RateLimits;
import io.github.seckill.api.ratelimit.ShopperLimit;
import io.github.seckill.api.web.Problem;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;

/**
 * Constraints and documentation of the endpoint are on {@link PurchaseApi}. Past the in-memory screen,
 * at most {@code resilience4j.bulkhead.instances.purchases.max-concurrent-calls} purchases are under way
 * at once in this instance; the next is answered 503 with Retry-After at once, having taken nothing.
 * Without that bound, a crowd beyond what the machine can serve queues on the request threads until
 * every answer is late and many time out.
 */
@RestController
class PurchaseController implements PurchaseApi {

    private final Purchases purchases;
    private final Idempotency idempotency;
    private final RateLimits limits;
    private final ShopperLimit shopperLimit;
    private final PurchaseMetrics metrics;
    private final ObjectMapper json;
    private final Bulkhead underWay;
    private final PurchaseSettings settings;

    PurchaseController(Purchases purchases, Idempotency idempotency, RateLimits limits, ShopperLimit shopperLimit,
            PurchaseMetrics metrics, ObjectMapper json, BulkheadRegistry bulkheads, PurchaseSettings settings) {
        this.purchases = purchases;
        this.idempotency = idempotency;
        this.limits = limits;
        this.shopperLimit = shopperLimit;
        this.metrics = metrics;
        this.json = json;
        this.underWay = bulkheads.bulkhead("purchases");
        this.settings = settings;
    }

    @Override
    @PostMapping("/api/v1/activities/{id}/orders")
    public ResponseEntity<String> buy(@PathVariable("id") long activityId, @RequestBody PurchaseRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal Jwt shopper, HttpServletRequest http) {
        UserId user = new UserId(Long.parseLong(shopper.getSubject()));
        return metrics.time(() -> {
            SaleId sale = purchases.sale(activityId);
            if (key == null) {
                purchases.screen(sale); // a keyed request may be a replay, answered whatever the sale's state
            }
            if (!underWay.tryAcquirePermission()) {
                metrics.count("overloaded");
                throw Refusals.unavailable(settings.retryAfter());
            }
            try {
                return purchase(sale, user, request, key, http);
            } finally {
                underWay.onComplete();
            }
        });
    }

    private ResponseEntity<String> purchase(SaleId sale, UserId user, PurchaseRequest request, String key,
            HttpServletRequest http) {
        admit(() -> limits.admitPurchase(sale.value(), http.getRemoteAddr()));
        OrderId order = purchases.nextOrderId();
        if (key == null) {
            admit(() -> shopperLimit.admit(user));
            purchases.buy(sale, order, user, request.quantity(), true);
            return Answer.accepted(json, order.value()).response(false);
        }
        // the shopper's token is taken with the key's claim, in one round trip
        return idempotency.once(sale, order, user, key, "sale=" + sale + ";quantity=" + request.quantity(),
                (slot, claim, ttl) -> admitted(() -> shopperLimit.admit(user, slot, claim, ttl)),
                () -> {
                    try {
                        purchases.buy(sale, order, user, request.quantity(), false); // indexed with the answer
                        return Answer.accepted(json, order.value());
                    } catch (Problem refused) {
                        return Answer.refused(json, refused, http.getRequestURI());
                    }
                });
    }

    private <T> T admitted(Supplier<T> admission) {
        try {
            return admission.get();
        } catch (Problem refused) {
            metrics.count("rate_limited");
            throw refused;
        }
    }

    private void admit(Runnable admission) {
        admitted(() -> {
            admission.run();
            return null;
        });
    }
}
