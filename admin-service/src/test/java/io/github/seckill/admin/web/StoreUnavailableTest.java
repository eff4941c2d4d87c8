package io.github.seckill.admin.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.common.problem.ProblemTypes;

/**
 * A store that does not answer (Redis down or timed out, a Redis Cluster slot between masters) is a 503
 * with Retry-After to the back office, not a 500; a concurrent change stays a 409.
 */
class StoreUnavailableTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ProblemAdvice())
            .build();

    @Test
    void redisTimedOutOrUnreachableIsA503ToRetry() throws Exception {
        for (String failure : new String[] { "timeout", "refused" }) {
            mvc.perform(post("/fail/" + failure))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(ProblemTypes.UNAVAILABLE.toString()))
                    .andExpect(jsonPath("$.status").value(503));
        }
    }

    @Test
    void aConcurrentChangeIsStillAConflict() throws Exception {
        mvc.perform(post("/fail/concurrent")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(ProblemTypes.CONFLICT.toString()));
    }

    @RestController
    static class Failing {

        @PostMapping("/fail/{how}")
        void fail(@PathVariable String how) {
            throw switch (how) {
                case "timeout" -> new QueryTimeoutException("Redis command timed out");
                case "refused" -> new RedisConnectionFailureException("Redis connection failed");
                default -> new OptimisticLockingFailureException("changed meanwhile");
            };
        }
    }
}
