package io.github.seckill.api.infra;

import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The circuit breakers in front of what the shopper API waits on. Each is configured under
 * {@code resilience4j.circuitbreaker.instances.<name>}; their states are exported by Resilience4j's
 * Micrometer binding ({@code resilience4j_circuitbreaker_state}). An open breaker answers 503 at once
 * instead of letting requests queue up on a store that is down.
 */
@Component
public class Breakers {

    private final CircuitBreaker redis;
    private final CircuitBreaker kafka;
    private final CircuitBreaker orderService;

    Breakers(CircuitBreakerRegistry registry) {
        this.redis = registry.circuitBreaker("redis");
        this.kafka = registry.circuitBreaker("kafka");
        this.orderService = registry.circuitBreaker("orderService");
    }

    public CircuitBreaker redis() {
        return redis;
    }

    public CircuitBreaker kafka() {
        return kafka;
    }

    public CircuitBreaker orderService() {
        return orderService;
    }
}
