package io.github.seckill.api.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal the client can act on, answered as RFC 9457 problem+json with a stable {@code type}.
 * Extra properties (e.g. {@code startAt}) and a {@code Retry-After} travel with it.
 */
public class Problem extends ErrorResponseException {

    public Problem(HttpStatus status, URI type, String title, String detail) {
        this(status, type, title, detail, Map.of(), null);
    }

    public Problem(HttpStatus status, URI type, String title, String detail, Map<String, Object> properties,
            Duration retryAfter) {
        super(status, problem(status, type, title, detail, properties), null);
        if (retryAfter != null) {
            getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
    }

    /**
     * A refusal is an answer, not a fault: no stack trace is taken. After a sell-out most requests end in
     * one, and filling in a trace for each was some 3 % of the API's CPU in a profile of a sale.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
