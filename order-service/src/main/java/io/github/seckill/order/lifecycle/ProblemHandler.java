package io.github.seckill.order.lifecycle;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.order.orders.OrderStateConflict;

/** The internal API's errors as problem+json with the platform's stable types. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(OrderNotFound.class)
    ResponseEntity<ProblemDetail> notFound(OrderNotFound e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Order not found", e.getMessage());
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
                .body(body(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Try again", e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "'" + e.getName() + "' has an invalid value");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, body(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "request has invalid fields"), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, body(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "request has invalid parameters"), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, body(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
                "Malformed request", "request body is missing or is not valid JSON of the expected shape"), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail) {
        return ResponseEntity.status(status).body(body(status, type, title, detail));
    }

    private static ProblemDetail body(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
