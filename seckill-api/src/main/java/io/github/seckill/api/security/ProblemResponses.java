package io.github.seckill.api.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.problem.ProblemTypes;

/** 401 and 403 from the security filters, as problem+json like every other error. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(json, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
                    "a valid bearer token is required");
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, ex) -> write(json, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "Forbidden", "not allowed");
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, URI type,
            String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
