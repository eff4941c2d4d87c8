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

import io.github.seckill.api.limits.RateLimits;
import io.github.seckill.api.web.Problem;

/** Constraints and documentation of the endpoint are on {@link PurchaseApi}. */
@RestController
class PurchaseController implements PurchaseApi {

    private final Purchases purchases;
    private final Idempotency idempotency;
    private final RateLimits limits;
    private final PurchaseMetrics metrics;
    private final ObjectMapper json;

    PurchaseController(Purchases purchases, Idempotency idempotency, RateLimits limits, PurchaseMetrics metrics,
            ObjectMapper json) {
        this.purchases = purchases;
        this.idempotency = idempotency;
        this.limits = limits;
        this.metrics = metrics;
        this.json = json;
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
