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
    public static final URI PAYMENT_DECLINED = type("payment-declined");

    private ProblemTypes() {
    }

    private static URI type(String name) {
        return URI.create("urn:seckill:problem:" + name);
    }
}
