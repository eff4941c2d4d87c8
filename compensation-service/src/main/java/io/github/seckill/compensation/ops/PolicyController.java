package io.github.seckill.compensation.ops;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.compensation.ladder.RetryPolicies;
import io.github.seckill.compensation.ladder.RetryPolicy;

/** The ladder's retry policy: read it, change it (stored; every replica applies it to the next attempt). */
@RestController
class PolicyController {

    private final RetryPolicies policies;

    PolicyController(RetryPolicies policies) {
        this.policies = policies;
    }

    /** Delays as ISO-8601 durations, e.g. {@code ["PT10S","PT30S","PT1M"]}. */
    record PolicyBody(List<String> delays) {
    }

    record PolicyView(List<String> delays, int maxAttempts, int maxRungs, String updatedBy, Instant updatedAt) {
    }

    @GetMapping("/ops/api/v1/retry-policy")
    PolicyView read() {
        return view(policies.read());
    }

    @PutMapping("/ops/api/v1/retry-policy")
    PolicyView change(@RequestBody PolicyBody body, Principal who) {
        if (body.delays() == null) {
            throw new InvalidRequest("delays", "is required");
        }
        List<Duration> delays;
        try {
            delays = body.delays().stream().map(d -> Duration.parse(d.trim())).toList();
        } catch (RuntimeException e) {
            throw new InvalidRequest("delays", "must be ISO-8601 durations such as PT30S");
        }
        return view(policies.change(new RetryPolicy(delays), who.getName()));
    }

    private static PolicyView view(RetryPolicies.Current c) {
        return new PolicyView(c.policy().delays().stream().map(Duration::toString).toList(), c.policy().maxAttempts(),
                c.maxRungs(), c.updatedBy(), c.updatedAt());
    }
}
