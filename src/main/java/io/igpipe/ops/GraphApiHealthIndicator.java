package io.igpipe.ops;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while the Graph circuit breaker is open: Graph calls are failing as an outage, and posts wait. */
@Component("graphApi")
public class GraphApiHealthIndicator implements HealthIndicator {

    private final GraphCircuitBreaker breaker;

    public GraphApiHealthIndicator(GraphCircuitBreaker breaker) {
        this.breaker = breaker;
    }

    @Override
    public Health health() {
        String state = breaker.state();
        Health.Builder health = "OPEN".equals(state) || "FORCED_OPEN".equals(state) ? Health.down() : Health.up();
        health.withDetail("circuitBreaker", state);
        breaker.processor().ifPresent(processor -> health
                .withDetail("failureRatePercent", processor.getFailureRate())
                .withDetail("bufferedCalls", processor.getNumberOfBufferedCalls())
                .withDetail("failedCalls", processor.getNumberOfFailedCalls())
                .withDetail("notPermittedCalls", processor.getNumberOfNotPermittedCalls()));
        return health.build();
    }
}
