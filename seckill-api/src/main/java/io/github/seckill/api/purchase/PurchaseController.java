package io.github.seckill.api.purchase;

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
import io.github.seckill.api.web.Problem;

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
    private final PurchaseMetrics metrics;
    private final ObjectMapper json;
    private final Bulkhead underWay;
    private final PurchaseSettings settings;

    PurchaseController(Purchases purchases, Idempotency idempotency, RateLimits limits, PurchaseMetrics metrics,
            ObjectMapper json, BulkheadRegistry bulkheads, PurchaseSettings settings) {
        this.purchases = purchases;
        this.idempotency = idempotency;
        this.limits = limits;
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
        long userId = Long.parseLong(shopper.getSubject());
        return metrics.time(() -> {
            if (key == null) {
                purchases.screen(activityId); // a keyed request may be a replay, answered whatever the sale's state
            }
            if (!underWay.tryAcquirePermission()) {
                metrics.count("overloaded");
                throw Refusals.unavailable(settings.retryAfter());
            }
            try {
                return purchase(activityId, request, key, userId, http);
            } finally {
                underWay.onComplete();
            }
        });
    }

    private ResponseEntity<String> purchase(long activityId, PurchaseRequest request, String key, long userId,
            HttpServletRequest http) {
        admit(activityId, userId, http.getRemoteAddr());
        long orderId = purchases.nextOrderId();
        if (key == null) {
            purchases.buy(orderId, activityId, userId, request.quantity());
            return Answer.accepted(json, orderId).response(false);
        }
        return idempotency.once(userId, key, "sale=" + activityId + ";quantity=" + request.quantity(), orderId,
                activityId, () -> {
                    try {
                        purchases.buy(orderId, activityId, userId, request.quantity());
                        return Answer.accepted(json, orderId);
                    } catch (Problem refused) {
                        return Answer.refused(json, refused, http.getRequestURI());
                    }
                });
    }

    private void admit(long activityId, long userId, String clientIp) {
        try {
            limits.admitPurchase(activityId, userId, clientIp);
        } catch (Problem refused) {
            metrics.count("rate_limited");
            throw refused;
        }
    }
}
