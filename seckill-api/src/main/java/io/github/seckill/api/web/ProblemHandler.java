package io.github.seckill.api.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.seckill.common.problem.ProblemHandlerSupport;

/**
 * The shopper API's errors: the platform's common answers (seckill-common's {@link ProblemHandlerSupport});
 * the purchase's own refusals travel as {@link Problem}s. Here a breaker or any Redis failure is a 503.
 */
@RestControllerAdvice
class ProblemHandler extends ProblemHandlerSupport {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A circuit breaker is open, or Redis failed or timed out: fail fast, the client may retry. */
    @ExceptionHandler({ CallNotPermittedException.class, DataAccessException.class })
    ResponseEntity<ProblemDetail> unavailable(Exception ex) {
        log.warn("answering 503: {} ({})", ex, NestedExceptionUtils.getMostSpecificCause(ex).toString());
        return unavailable("the service is overloaded or a store it needs is unavailable; nothing was changed");
    }
}
