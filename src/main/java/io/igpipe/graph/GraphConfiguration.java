package io.igpipe.graph;

import java.io.IOException;

import io.igpipe.IgpipeProperties;
import io.igpipe.graph.sandbox.GraphSandbox;
import io.igpipe.graph.sandbox.SandboxSettings;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

@Configuration
public class GraphConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(GraphConfiguration.class);

    /**
     * With no {@code igpipe.graph.base-url}, the app serves its own Graph API sandbox on loopback and
     * registers every configured account with its token, so a fresh checkout publishes end to end.
     */
    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedSandboxCondition.class)
    public GraphSandbox embeddedGraphSandbox(IgpipeProperties properties, AccountTokens tokens) throws IOException {
        IgpipeProperties.Sandbox config = properties.getSandbox();
        SandboxSettings settings = SandboxSettings.defaults()
                .withHost(config.getHost())
                .withPort(config.getPort())
                .withImageProcessingDelay(config.getProcessingDelay())
                .withVideoProcessingDelay(config.getVideoProcessingDelay())
                .withPublishQuota(config.getPublishQuota())
                .withQuotaWindow(config.getQuotaWindow())
                .withFaultSeed(config.getFaultSeed())
                .withStateFile(config.getStateFile() != null ? config.getStateFile()
                        : properties.getDataDir().resolve("sandbox").resolve("state.json"));
        GraphSandbox sandbox;
        try {
            sandbox = GraphSandbox.start(settings);
        } catch (java.net.BindException portTaken) {
            // A busy default port must not stop a fresh checkout from running: take any free one.
            LOG.warn("Sandbox port {} is busy; using a free port instead", config.getPort());
            sandbox = GraphSandbox.start(settings.withPort(0));
        }
        for (IgpipeProperties.Account account : properties.getAccounts()) {
            sandbox.registerAccount(account.getIgUserId(), account.getName(), tokens.tokenOf(account.getName()));
        }
        LOG.warn("No igpipe.graph.base-url set: posts go to the embedded Graph API sandbox at {}, not to Instagram. "
                + "Set IGPIPE_GRAPH_BASE_URL to publish for real.", sandbox.baseUri());
        return sandbox;
    }

    /** The Graph timeouts of {@code igpipe.graph.*} applied to Camel's http/https components. */
    @Bean
    public ComponentCustomizer graphHttpTimeouts(IgpipeProperties properties) {
        long connect = properties.getGraph().getConnectTimeout().toMillis();
        long response = properties.getGraph().getResponseTimeout().toMillis();
        return ComponentCustomizer.forType(HttpComponent.class, http -> {
            http.setConnectTimeout(connect);
            http.setConnectionRequestTimeout(connect);
            http.setResponseTimeout(response);
            http.setSoTimeout(response);
        });
    }

    @Bean
    public GraphEndpoint graphEndpoint(IgpipeProperties properties, ObjectProvider<GraphSandbox> sandbox) {
        IgpipeProperties.Graph graph = properties.getGraph();
        String baseUrl = graph.usesEmbeddedSandbox() ? sandbox.getObject().baseUri().toString() : graph.getBaseUrl();
        return new GraphEndpoint(baseUrl, graph.getApiVersion());
    }
}
