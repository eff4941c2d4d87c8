package io.github.seckill.testsupport.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller with one endpoint of each kind the services have (a validated JSON body, a typed path
 * variable) and one that fails unexpectedly, mounted inside a service's secured area at
 * {@code seckill.problem-probe.path} so that {@link ProblemContract} meets the service's own filters,
 * security and advice.
 */
@RestController
@RequestMapping("${seckill.problem-probe.path}")
public class ProblemProbe {

    /** What the unexpected failure carries; none of it may reach the client. */
    static final String INTERNALS = "jdbc:mysql://db.internal:3306/seckill password=hunter2";

    public record Probe(@NotBlank String name, @Min(1) @Max(10) int quantity) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Probe echo(@Valid @RequestBody Probe probe) {
        return probe;
    }

    @GetMapping("/{id}")
    long byId(@PathVariable long id) {
        return id;
    }

    @GetMapping("/failure")
    long failure() {
        throw new IllegalStateException(INTERNALS);
    }
}
