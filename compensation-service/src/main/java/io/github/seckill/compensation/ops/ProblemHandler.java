package io.github.seckill.compensation.ops;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.github.seckill.common.problem.ProblemHandlerSupport;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.problem.Problems;
import io.github.seckill.compensation.ladder.RetryPolicy;

/** The ops API's errors as problem+json with the platform's stable types. */
@RestControllerAdvice
class ProblemHandler extends ProblemHandlerSupport {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "State forbids it", e.getMessage());
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        return ResponseEntity.badRequest().body(Problems.invalid(e.field(), e.getMessage()));
    }

    @ExceptionHandler(RetryPolicy.InvalidPolicy.class)
    ResponseEntity<ProblemDetail> invalidPolicy(RetryPolicy.InvalidPolicy e) {
        return ResponseEntity.badRequest().body(Problems.invalid("delays", e.getMessage()));
    }
}
