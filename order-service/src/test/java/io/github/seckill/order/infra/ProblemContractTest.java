package io.github.seckill.order.infra;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.github.seckill.testsupport.problem.ProblemContract;
import io.github.seckill.testsupport.problem.ProblemProbe;

/** The platform's common answers from the internal API's web layer (the service account, role SERVICE). */
@WebMvcTest(controllers = ProblemProbe.class, properties = "seckill.problem-probe.path=/internal/api/v1/probe")
@Import(InternalSecurity.class)
class ProblemContractTest extends ProblemContract {

    @TestConfiguration
    @EnableConfigurationProperties(InternalAccount.class)
    static class Settings {
    }

    @Override
    protected RequestPostProcessor allowed() {
        return user("internal").roles("SERVICE");
    }

    @Override
    protected Optional<RequestPostProcessor> refused() {
        return Optional.of(user("ops").roles("OPS"));
    }

    @Override
    protected String challenge() {
        return "Basic";
    }
}
