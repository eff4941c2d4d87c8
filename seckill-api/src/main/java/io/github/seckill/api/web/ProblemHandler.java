package io.github.seckill.api.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.seckill.common.problem.ProblemTypes;

/** Every error as problem+json with a stable type; no stack traces or SQL reach the client. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final URI BLANK = URI.create("about:blank");
    /** Framework errors (wrong method, media type, path) get a stable type instead of about:blank. */
    private static final Map<Integer, URI> TYPES = Map.of(400, ProblemTypes.MALFORMED_REQUEST,
            404, ProblemTypes.NOT_FOUND, 405, ProblemTypes.METHOD_NOT_ALLOWED, 406, ProblemTypes.MALFORMED_REQUEST,
            413, ProblemTypes.PAYLOAD_TOO_LARGE, 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
            500, ProblemTypes.INTERNAL_ERROR, 503, ProblemTypes.UNAVAILABLE);

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && BLANK.equals(problem.getType())) {
            problem.setType(TYPES.getOrDefault(status.value(), ProblemTypes.MALFORMED_REQUEST));
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> error(e.getField(), e.getDefaultMessage()))
                .toList();
        ProblemDetail problem = validation("request has invalid fields");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors().forEach(e -> errors.add(error(e.getField(), e.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(e -> errors.add(error(name, e.getDefaultMessage())));
            }
        }
        ProblemDetail problem = validation("request has invalid fields");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimit.TooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                        t.getMessage());
                problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
                problem.setTitle("Payload too large");
                return handleExceptionInternal(ex, problem, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "request body is missing or is not valid JSON of the expected shape");
        problem.setType(ProblemTypes.MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = validation("'" + ex.getName() + "' has an invalid value");
        return ResponseEntity.badRequest().body(problem);
    }

    /** A circuit breaker is open, or Redis failed or timed out: fail fast, the client may retry. */
    @ExceptionHandler({ CallNotPermittedException.class, DataAccessException.class })
    ResponseEntity<ProblemDetail> unavailable(Exception ex) {
        log.warn("answering 503: {} ({})", ex, NestedExceptionUtils.getMostSpecificCause(ex).toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the service is overloaded or a store it needs is unavailable; nothing was changed");
        problem.setType(ProblemTypes.UNAVAILABLE);
        problem.setTitle("Try again");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("unexpected failure", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "something went wrong on our side");
        problem.setType(ProblemTypes.INTERNAL_ERROR);
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", String.valueOf(field), "message", String.valueOf(message));
    }

    private static ProblemDetail validation(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Invalid request");
        return problem;
    }
}
