package io.github.seckill.api.purchase;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.common.order.OrderStatus;

@RestController
class PurchaseController {

    private final Purchases purchases;

    PurchaseController(Purchases purchases) {
        this.purchases = purchases;
    }

    @PostMapping("/api/v1/activities/{id}/orders")
    ResponseEntity<PurchaseAccepted> buy(@PathVariable("id") @Positive long activityId,
            @Valid @RequestBody PurchaseRequest request, @AuthenticationPrincipal Jwt shopper) {
        long orderId = purchases.buy(activityId, Long.parseLong(shopper.getSubject()), request.quantity());
        return ResponseEntity.accepted().location(URI.create("/api/v1/orders/" + orderId))
                .body(new PurchaseAccepted(Long.toString(orderId), OrderStatus.PENDING));
    }
}
