package io.github.seckill.admin.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.admin.web.Problems;
import io.github.seckill.common.problem.ProblemTypes;

/** 401 and 403 on the REST API as <code>application/problem+json</code>, like every other error. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Basic realm=\"seckill-admin\"";

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        String detail = e instanceof BadCredentialsException ? "the credentials were not accepted"
                : "authentication required: send an admin's credentials (HTTP Basic)";
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException ? "missing or invalid CSRF token"
                : "your role does not allow this call";
        write(request, response, Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, detail));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
