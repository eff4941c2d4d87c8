package io.github.seckill.admin.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Optional;

import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.github.seckill.testsupport.problem.ProblemContract;
import io.github.seckill.testsupport.problem.ProblemProbe;

/** The platform's common answers from the back office's REST API (an admin's session, with its CSRF token). */
@WebMvcTest(controllers = ProblemProbe.class, properties = "seckill.problem-probe.path=/admin/api/v1/probe")
@Import(SecurityConfig.class)
class ProblemContractTest extends ProblemContract {

    @Override
    protected RequestPostProcessor allowed() {
        return request -> csrf().postProcessRequest(user("admin").roles("ADMIN").postProcessRequest(request));
    }

    /** Every back-office role may read; an account holding none of them may not. */
    @Override
    protected Optional<RequestPostProcessor> refused() {
        return Optional.of(user("someone").roles("CUSTOMER"));
    }

    @Override
    protected String challenge() {
        return "Basic realm=\"seckill-admin\"";
    }
}
