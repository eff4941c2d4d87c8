package io.github.seckill.api.purchase;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The purchase endpoint's contract: its constraints and documentation, kept apart so the controller reads as code. */
@Tag(name = "Purchase")
interface PurchaseApi {

    String PROBLEM = "application/problem+json";

    @Operation(summary = "Buy units of a sale", description = """
            Reserves stock atomically in Redis and hands the order to order-service; answers in milliseconds.
            Poll the order at `Location`. With an `Idempotency-Key`, the same key from the same shopper gets the
            same answer (also a refusal) and never a second order; the key with another body is 422.""")
    @ApiResponse(responseCode = "202", description = "Reserved; the order is PENDING", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = PurchaseAccepted.class),
            examples = @ExampleObject("{\"orderId\":\"1234567890123456789\",\"status\":\"PENDING\"}")))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid body, path or key",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such sale (sale-not-found)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "sold-out, limit-exceeded, or request-in-progress",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject("""
                    {"type":"urn:seckill:problem:sold-out","title":"Sold out","status":409,
                     "detail":"sale 42 is sold out","instance":"/api/v1/activities/42/orders"}""")))
    @ApiResponse(responseCode = "410", description = "Sale ended or closed (sale-ended)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "413", description = "Body over the size limit (payload-too-large)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "425", description = "Not started; `startAt` and Retry-After say when",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject("""
                    {"type":"urn:seckill:problem:sale-not-started","title":"Sale not started","status":425,
                     "detail":"sale 42 starts at 2026-06-18T12:00:00Z","startAt":"2026-06-18T12:00:00Z"}""")))
    @ApiResponse(responseCode = "429", description = "Over a rate limit (rate-limited), with Retry-After",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "503", description = "Redis or Kafka unavailable; nothing reserved; Retry-After",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<String> buy(@Parameter(description = "sale id") @Positive long activityId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
                    @ExampleObject("{\"quantity\":1}"))) @Valid PurchaseRequest request,
            @Parameter(description = "any unique string per purchase attempt, e.g. a UUID")
            @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}", message = "1 to 64 letters, digits or _ . : -") String key,
            @Parameter(hidden = true) Jwt shopper, @Parameter(hidden = true) HttpServletRequest http);
}
