package io.github.seckill.admin.web;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.github.seckill.common.problem.ProblemHandlerSupport;
import io.github.seckill.common.problem.ProblemTypes;

/**
 * The back office's errors as problem+json: the platform's common answers (seckill-common's
 * {@link ProblemHandlerSupport}) and a change lost to a concurrent one. Features answer their own
 * refusals next to their controllers.
 */
@RestControllerAdvice
class ProblemAdvice extends ProblemHandlerSupport {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict",
                "the resource was changed by another request at the same time; retry");
    }
}
