package io.github.seckill.admin.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.github.seckill.common.problem.ProblemTypes;

/** Builds the RFC 9457 problems this service answers with; the types come from {@link ProblemTypes}. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** A {@link ProblemTypes#VALIDATION} problem listing the rejected fields. */
    public static ProblemDetail invalid(HttpStatus status, String detail, List<FieldMessage> errors) {
        ProblemDetail problem = of(status, ProblemTypes.VALIDATION, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail invalid(String field, String message) {
        return invalid(HttpStatus.BAD_REQUEST, field + " " + message, List.of(new FieldMessage(field, message)));
    }
}
