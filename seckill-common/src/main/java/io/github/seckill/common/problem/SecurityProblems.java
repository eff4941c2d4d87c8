package io.github.seckill.common.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 401 and 403 from the security filters, as problem+json like every other error: Spring Security's own
 * entry points answer with an empty body or an HTML page, and run before any controller advice.
 */
public final class SecurityProblems {

    private SecurityProblems() {
    }

    /**
     * @param challenge the {@code WWW-Authenticate} value, e.g. {@code Bearer} or {@code Basic realm="ops"}
     * @param needed    what the caller must send, said in the detail
     */
    public static AuthenticationEntryPoint unauthorized(ObjectMapper json, String challenge, String needed) {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            String detail = e instanceof BadCredentialsException ? "the credentials were not accepted"
                    : "authentication required: " + needed;
            Problems.write(json, request, response,
                    Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail));
        };
    }

    public static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> {
            String detail = e instanceof CsrfException ? "missing or invalid CSRF token"
                    : "your role does not allow this call";
            Problems.write(json, request, response,
                    Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail));
        };
    }
}
