package io.github.seckill.common.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The answers every service gives the same way: request-shape errors (one validation shape, see
 * {@link Problems#invalid}), Spring MVC's own errors with the platform's type for their status, a store
 * that does not answer (503 with Retry-After) and anything unexpected (500 {@code internal-error}, logged,
 * nothing of it in the answer). A service's {@code @RestControllerAdvice} extends it and adds only its
 * own domain exceptions.
 */
public abstract class ProblemHandlerSupport extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlerSupport.class);
    private static final URI BLANK = URI.create("about:blank");
    private static final Map<Integer, URI> TYPES = Map.of(400, ProblemTypes.MALFORMED_REQUEST,
            401, ProblemTypes.UNAUTHORIZED, 403, ProblemTypes.FORBIDDEN, 404, ProblemTypes.NOT_FOUND,
            405, ProblemTypes.METHOD_NOT_ALLOWED, 406, ProblemTypes.MALFORMED_REQUEST, 409, ProblemTypes.CONFLICT,
            413, ProblemTypes.PAYLOAD_TOO_LARGE, 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
            503, ProblemTypes.UNAVAILABLE);

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(Problems.invalid(e.getName(), "has an invalid value"));
    }

    /** Redis or the database down or timed out: the call changed nothing it reports; retry in a second. */
    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class })
    protected ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        log.warn("answering 503: {}", e.toString());
        return unavailable("a store this service needs did not answer in time; nothing was changed");
    }

    @ExceptionHandler(Exception.class)
    protected ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL_ERROR, "Internal error", "something went wrong on our side"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(message(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(message(e.getObjectName(), e.getDefaultMessage())));
        return handleExceptionInternal(ex, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors().forEach(e -> errors.add(message(e.getField(), e.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(e -> errors.add(message(name, e.getDefaultMessage())));
            }
        }
        return handleExceptionInternal(ex, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, Problems.invalid(ex.getParameterName(), "is required"), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /** An unreadable body is 400 {@code malformed-request}, or 413 when {@link BodySizeLimit} cut it off. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimit.TooLarge) {
                return handleExceptionInternal(ex, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                        ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", t.getMessage()), headers,
                        HttpStatus.PAYLOAD_TOO_LARGE, request);
            }
        }
        String detail = "request body is missing or is not valid JSON of the expected shape";
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail = "field " + mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")) + " has a value of the wrong type or format";
        }
        return handleExceptionInternal(ex, Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
                "Malformed request", detail), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Spring MVC's own problems (404, 405, 415...) get the platform's type of their status, not about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && BLANK.equals(problem.getType())) {
            problem.setType(TYPES.getOrDefault(status.value(), status.is5xxServerError() ? ProblemTypes.INTERNAL_ERROR
                    : ProblemTypes.MALFORMED_REQUEST));
        }
        return response;
    }

    protected static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, type, title, detail));
    }

    /** 503 with {@code Retry-After: 1}: the client may try again; nothing was changed. */
    protected static ResponseEntity<ProblemDetail> unavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Try again", detail));
    }

    private static FieldMessage message(String field, String message) {
        return new FieldMessage(String.valueOf(field), String.valueOf(message));
    }
}
