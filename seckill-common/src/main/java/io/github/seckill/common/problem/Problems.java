package io.github.seckill.common.problem;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the RFC 9457 problems every service answers with; the types come from {@link ProblemTypes}. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** A problem titled with its status's reason phrase. */
    public static ProblemDetail of(HttpStatus status, URI type, String detail) {
        return of(status, type, status.getReasonPhrase(), detail);
    }

    /**
     * The one shape of a validation error: 400, type {@link ProblemTypes#VALIDATION}, the rejected fields
     * sorted in {@code errors}, and a detail naming the field when there is one.
     */
    public static ProblemDetail invalid(List<FieldMessage> errors) {
        return invalid(HttpStatus.BAD_REQUEST, errors);
    }

    /** The same shape with another status, e.g. 422 for a well-formed request naming what does not exist. */
    public static ProblemDetail invalid(HttpStatus status, List<FieldMessage> errors) {
        List<FieldMessage> sorted = errors.stream()
                .sorted(Comparator.comparing(FieldMessage::field).thenComparing(FieldMessage::message)).toList();
        String detail = sorted.size() == 1 ? sorted.get(0).field() + " " + sorted.get(0).message()
                : sorted.size() + " fields are invalid";
        ProblemDetail problem = of(status, ProblemTypes.VALIDATION, "Invalid request", detail);
        problem.setProperty("errors", sorted);
        return problem;
    }

    public static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(new FieldMessage(field, message)));
    }

    /** Writes a problem from a servlet filter or a security entry point, where no controller advice runs. */
    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
            ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
