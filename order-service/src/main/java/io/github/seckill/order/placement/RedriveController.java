package io.github.seckill.order.placement;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.orderservice.Redriven;

/**
 * The compensation ladder's entry: places one failed order again through the same idempotent
 * placement the listener uses and says what happened. RETRYING means "try later"; the ladder
 * decides when, so nothing is published to it from here.
 */
@RestController
class RedriveController {

    private final Placement placement;

    RedriveController(Placement placement) {
        this.placement = placement;
    }

    @PostMapping("/internal/api/v1/placements")
    Redriven redrive(@RequestBody OrderPlaced order) {
        // Redriven.Outcome names the same outcomes: the contract the other services read
        return new Redriven(Long.toString(order.orderId()),
                Redriven.Outcome.valueOf(placement.redrive(order).name()));
    }
}
