package io.igpipe.ops;

import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.stereotype.Component;

/**
 * The state of the circuit breaker around Graph calls (the {@code graph-circuit-breaker} step of the
 * {@code call-graph} route), for health and metrics.
 */
@Component("graphCircuitBreaker")
public class GraphCircuitBreaker {

    static final String PROCESSOR_ID = "graph-circuit-breaker";
    private static final String[] STATES = {"CLOSED", "OPEN", "HALF_OPEN", "DISABLED", "FORCED_OPEN", "METRICS_ONLY"};

    private final CamelContext camel;

    public GraphCircuitBreaker(CamelContext camel, MeterRegistry meters) {
        this.camel = camel;
        for (String state : STATES) {
            Gauge.builder("igpipe.graph.circuit.breaker", this, breaker -> state.equals(breaker.state()) ? 1 : 0)
                    .description("1 for the Graph circuit breaker's current state")
                    .tag("state", state).register(meters);
        }
    }

    public String state() {
        return processor().map(ResilienceProcessor::getCircuitBreakerState).orElse("UNKNOWN");
    }

    public Optional<ResilienceProcessor> processor() {
        try {
            return Optional.ofNullable(camel.getProcessor(PROCESSOR_ID, ResilienceProcessor.class));
        } catch (RuntimeException notStartedYet) {
            return Optional.empty();
        }
    }
}
