package io.github.seckill.api.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.github.seckill.api.account.JwtSettings;
import io.github.seckill.testsupport.problem.ProblemContract;
import io.github.seckill.testsupport.problem.ProblemProbe;

/** The platform's common answers from the shopper API's web layer (a shopper holds a bearer token). */
@WebMvcTest(controllers = ProblemProbe.class, properties = "seckill.problem-probe.path=/api/v1/probe")
@Import(SecurityConfig.class)
class ProblemContractTest extends ProblemContract {

    @TestConfiguration
    @EnableConfigurationProperties({ JwtSettings.class, PasswordSettings.class })
    static class Settings {
    }

    @Override
    protected RequestPostProcessor allowed() {
        return jwt();
    }

    /** A shopper's token opens every shopper call; another shopper's order is a 404, not a 403. */
    @Override
    protected Optional<RequestPostProcessor> refused() {
        return Optional.empty();
    }

    @Override
    protected String challenge() {
        return "Bearer";
    }
}
