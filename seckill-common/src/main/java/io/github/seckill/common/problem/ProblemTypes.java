package io.github.seckill.common.problem;

import java.net.URI;

/** Stable RFC 9457 problem <code>type</code> URIs, one per case clients may act on. */
public final class ProblemTypes {

    public static final URI VALIDATION = type("validation");
    public static final URI MALFORMED_REQUEST = type("malformed-request");
    public static final URI UNAUTHORIZED = type("unauthorized");
    public static final URI FORBIDDEN = type("forbidden");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI CONFLICT = type("conflict");
    public static final URI USERNAME_TAKEN = type("username-taken");
    public static final URI BAD_CREDENTIALS = type("bad-credentials");
    public static final URI SALE_NOT_FOUND = type("sale-not-found");
    public static final URI SALE_NOT_STARTED = type("sale-not-started");
    public static final URI SALE_ENDED = type("sale-ended");
    public static final URI SOLD_OUT = type("sold-out");
    public static final URI LIMIT_EXCEEDED = type("limit-exceeded");
    public static final URI UNAVAILABLE = type("unavailable");
    /** The same Idempotency-Key came back with a different request (422). */
    public static final URI IDEMPOTENCY_KEY_REUSED = type("idempotency-key-reused");
    /** The first request with this Idempotency-Key is still running (409, with Retry-After). */
    public static final URI REQUEST_IN_PROGRESS = type("request-in-progress");
    /** Over a rate limit (429, with Retry-After). */
    public static final URI RATE_LIMITED = type("rate-limited");
    /** The payment provider declined (402). */
    public static final URI PAYMENT_DECLINED = type("payment-declined");
    /** The request body is larger than the endpoint accepts (413). */
    public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");
    public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");
    /** Anything unexpected (500); the detail never carries internals. */
    public static final URI INTERNAL_ERROR = type("internal-error");

    private ProblemTypes() {
    }

    private static URI type(String name) {
        return URI.create("urn:seckill:problem:" + name);
    }
}
