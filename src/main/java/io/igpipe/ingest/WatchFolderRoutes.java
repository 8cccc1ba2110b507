package io.igpipe.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

import io.igpipe.IgpipeProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * One watch-folder route per configured account, made from the {@code watch-folder-ingest} template in
 * {@code routes/ingest-watch-folder.camel.yaml}. Accounts are a list in configuration, so the routes
 * are instantiated here rather than spelled out one by one in YAML.
 */
@Component
public class WatchFolderRoutes implements CamelContextConfiguration {

    public static final String TEMPLATE_ID = "watch-folder-ingest";

    private final IgpipeProperties properties;

    public WatchFolderRoutes(IgpipeProperties properties) {
        this.properties = properties;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (IgpipeProperties.Account account : properties.getAccounts()) {
            Path folder = properties.watchFolderOf(account).toAbsolutePath().normalize();
            try {
                Files.createDirectories(folder);
                TemplatedRouteBuilder.builder(camelContext, TEMPLATE_ID)
                        .routeId("watch-folder-" + account.getName())
                        .parameter("account", account.getName())
                        .parameter("folder", folder.toString())
                        .add();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the watch folder of account " + account.getName(), e);
            }
        }
    }
}
