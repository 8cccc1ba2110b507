package io.igpipe.ops;

import java.util.List;

import io.igpipe.IgpipeProperties;
import io.igpipe.graph.GraphEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP once the pipeline can take work: Camel started, the dispatcher and every account's watch-folder
 * route running. Until then /actuator/health answers DOWN (503), so scripts can wait on it.
 */
@Component("pipeline")
public class PipelineHealthIndicator implements HealthIndicator {

    private final CamelContext camelContext;
    private final IgpipeProperties properties;
    private final GraphEndpoint graphEndpoint;

    public PipelineHealthIndicator(CamelContext camelContext, IgpipeProperties properties, GraphEndpoint graphEndpoint) {
        this.camelContext = camelContext;
        this.properties = properties;
        this.graphEndpoint = graphEndpoint;
    }

    @Override
    public Health health() {
        List<String> required = new java.util.ArrayList<>(List.of("dispatch-due-posts"));
        properties.getAccounts().forEach(account -> required.add("watch-folder-" + account.getName()));
        List<String> notRunning = required.stream().filter(id -> !started(id)).toList();
        Health.Builder health = camelContext.isStarted() && notRunning.isEmpty() ? Health.up() : Health.down();
        return health
                .withDetail("graphApi", graphEndpoint.versionedBaseUrl())
                .withDetail("graphMode", properties.getGraph().usesEmbeddedSandbox() ? "embedded-sandbox" : "configured")
                .withDetail("routes", camelContext.getRoutes().size())
                .withDetail("notRunning", notRunning)
                .build();
    }

    private boolean started(String routeId) {
        Route route = camelContext.getRoute(routeId);
        return route != null && camelContext.getRouteController().getRouteStatus(routeId) == ServiceStatus.Started;
    }
}
