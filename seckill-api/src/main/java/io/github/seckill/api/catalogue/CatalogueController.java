package io.github.seckill.api.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Positive;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.api.web.Problem;
import io.github.seckill.common.problem.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The sale catalogue and the server's clock; open without a token, answered from memory. */
@RestController
@Tag(name = "Catalogue")
@SecurityRequirements
class CatalogueController {

    /** Clients and caches in front may keep an answer as long as this service does. */
    private static final CacheControl BRIEFLY = CacheControl.maxAge(Duration.ofSeconds(1));

    private final Catalogue catalogue;
    private final Clock clock;

    CatalogueController(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Operation(summary = "Live and upcoming sales",
            description = "Every sale that has not ended, with its remaining stock and status, and the server's "
                    + "time for countdowns. Status: UPCOMING, LIVE, SOLD_OUT, ENDED, CLOSED.")
    @GetMapping("/api/v1/activities")
    ResponseEntity<Sales> sales() {
        Instant now = clock.instant();
        return ResponseEntity.ok().cacheControl(BRIEFLY).body(new Sales(now, catalogue.open(now)));
    }

    @Operation(summary = "One sale", description = "404 (sale-not-found) when the id is no prewarmed sale.")
    @GetMapping("/api/v1/activities/{id}")
    ResponseEntity<SaleView> sale(@PathVariable("id") @Positive long id) {
        SaleView sale = catalogue.sale(id, clock.instant()).orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND,
                ProblemTypes.SALE_NOT_FOUND, "Sale not found", "no sale " + id));
        return ResponseEntity.ok().cacheControl(BRIEFLY).body(sale);
    }

    @Operation(summary = "The server's time", description = "For countdowns: sales open by this clock.")
    @GetMapping("/api/v1/time")
    ServerTime time() {
        return new ServerTime(clock.instant());
    }

    record Sales(Instant serverTime, List<SaleView> sales) {
    }

    record ServerTime(Instant serverTime) {
    }
}
