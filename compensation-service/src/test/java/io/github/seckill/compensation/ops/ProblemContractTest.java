package io.github.seckill.compensation.ops;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.github.seckill.testsupport.problem.ProblemContract;
import io.github.seckill.testsupport.problem.ProblemProbe;

/** The platform's common answers from the ops API's web layer (role OPS). */
@WebMvcTest(controllers = ProblemProbe.class, properties = "seckill.problem-probe.path=/ops/api/v1/probe")
@Import(OpsSecurity.class)
class ProblemContractTest extends ProblemContract {

    /** The audit trail writes each authenticated call; its table is not what this slice is about. */
    @MockitoBean
    JdbcTemplate jdbc;

    @TestConfiguration
    @EnableConfigurationProperties(OpsAccount.class)
    static class Settings {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Override
    protected RequestPostProcessor allowed() {
        return user("ops").roles("OPS");
    }

    @Override
    protected Optional<RequestPostProcessor> refused() {
        return Optional.of(user("internal").roles("SERVICE"));
    }

    @Override
    protected String challenge() {
        return "Basic";
    }
}
