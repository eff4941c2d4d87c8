package io.github.seckill.order.lifecycle;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.github.seckill.common.problem.ProblemHandlerSupport;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.problem.Problems;
import io.github.seckill.order.infra.NotFound;
import io.github.seckill.order.orders.OrderFilter;
import io.github.seckill.order.orders.OrderStateConflict;

/**
 * The internal API's errors as problem+json with the platform's stable types (here, not in infra/:
 * it knows every feature's errors, and infra/ depends on no feature).
 */
@RestControllerAdvice
class ProblemHandler extends ProblemHandlerSupport {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(OrderFilter.InvalidFilter.class)
    ResponseEntity<ProblemDetail> invalidFilter(OrderFilter.InvalidFilter e) {
        return ResponseEntity.badRequest().body(Problems.invalid("to", "is before 'from'"));
    }

    @ExceptionHandler(OrderStateConflict.class)
    ResponseEntity<ProblemDetail> conflict(OrderStateConflict e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Order state forbids it", e.getMessage());
    }

    @ExceptionHandler(PaymentDeclined.class)
    ResponseEntity<ProblemDetail> declined(PaymentDeclined e) {
        return problem(HttpStatus.PAYMENT_REQUIRED, ProblemTypes.PAYMENT_DECLINED, "Payment declined",
                e.getMessage());
    }

    @ExceptionHandler(PaymentUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(PaymentUnavailable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Try again", e.getMessage()));
    }
}
