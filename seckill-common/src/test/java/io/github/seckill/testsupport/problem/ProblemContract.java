package io.github.seckill.testsupport.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.github.seckill.common.problem.ProblemAutoConfiguration;

/**
 * The answers every service gives the same way, run by each service against its own web layer (a
 * {@code @WebMvcTest} slice with its security and advice): 400 (validation, one shape; malformed body; bad
 * path value), 401, 403, 404, 405, 413, 415 and 500, each as problem+json with the platform's type.
 * A service's test extends it, mounts {@link ProblemProbe} inside its secured area with
 * {@code seckill.problem-probe.path}, and says how a caller is let in and how one is refused.
 */
@Import(ProblemProbe.class)
@ImportAutoConfiguration(ProblemAutoConfiguration.class)
@TestPropertySource(properties = "seckill.web.max-body-size=256B")
public abstract class ProblemContract {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Autowired
    protected MockMvc mvc;

    @Value("${seckill.problem-probe.path}")
    protected String path;

    /** A caller the service lets in, with whatever it needs besides (e.g. a CSRF token). */
    protected abstract RequestPostProcessor allowed();

    /** A caller who is known but may not call the probe; empty where the service has no such caller. */
    protected abstract java.util.Optional<RequestPostProcessor> refused();

    /** The start of the {@code WWW-Authenticate} challenge on a 401, e.g. {@code Basic} or {@code Bearer}. */
    protected abstract String challenge();

    @Test
    void invalidFieldsAreListedSortedInOneShape() throws Exception {
        send(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"quantity\":0}"))
                .andExpect(status().isBadRequest()).andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:validation"))
                .andExpect(jsonPath("$.detail").value("2 fields are invalid"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[1].field").value("quantity"))
                .andExpect(jsonPath("$.errors[1].message").value("must be greater than or equal to 1"));
    }

    @Test
    void anUnreadableBodyIsMalformed() throws Exception {
        send(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest()).andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:malformed-request"));
        send(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"quantity\":[1]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:malformed-request"))
                .andExpect(jsonPath("$.detail").value("field quantity has a value of the wrong type or format"));
    }

    @Test
    void aPathValueOfTheWrongTypeIsAValidationError() throws Exception {
        send(get(path + "/abc")).andExpect(status().isBadRequest()).andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void noCredentialsIsUnauthorized() throws Exception {
        mvc.perform(get(path + "/1")).andExpect(status().isUnauthorized())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith(challenge())))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:unauthorized"));
    }

    @Test
    void aCallerWithoutTheRightIsForbidden() throws Exception {
        assumeTrue(refused().isPresent(), "this service has no authenticated caller it refuses");
        mvc.perform(get(path + "/1").with(refused().get())).andExpect(status().isForbidden())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:forbidden"));
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        send(get(path + "/1/nothing/here")).andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:not-found"));
    }

    @Test
    void aWrongMethodIsNotAllowed() throws Exception {
        send(delete(path)).andExpect(status().isMethodNotAllowed()).andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:method-not-allowed"));
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() throws Exception {
        send(post(path).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + "x".repeat(300) + "\",\"quantity\":1}"))
                .andExpect(status().isPayloadTooLarge()).andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:payload-too-large"));
    }

    @Test
    void anotherMediaTypeIsUnsupported() throws Exception {
        send(post(path).contentType(MediaType.TEXT_PLAIN).content("name=a"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:unsupported-media-type"));
    }

    @Test
    void anUnexpectedFailureLeaksNothing() throws Exception {
        String body = send(get(path + "/failure")).andExpect(status().isInternalServerError())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:seckill:problem:internal-error"))
                .andExpect(jsonPath("$.detail").value("something went wrong on our side"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("jdbc", "hunter2", "IllegalStateException", "at io.github");
    }

    @Test
    void aGoodRequestPasses() throws Exception {
        send(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"quantity\":2}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.quantity").value(2));
    }

    private ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(allowed()));
    }
}
