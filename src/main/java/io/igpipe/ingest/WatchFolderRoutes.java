package io.igpipe.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

import io.igpipe.IgpipeProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Per configured account, routes from the templates in {@code routes/ingest-watch-folder.camel.yaml}: one for
 * the watch folder's files, one for its {@code stories/} folder, one for its carousel sub-folders. Accounts are a list in configuration, so the routes
 * are instantiated here rather than spelled out one by one in YAML.
 */
@Component
public class WatchFolderRoutes implements CamelContextConfiguration {

    public static final String TEMPLATE_ID = "watch-folder-ingest";
    public static final String CAROUSEL_TEMPLATE_ID = "watch-folder-carousels";

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
                Path stories = folder.resolve(CarouselFolders.STORIES_FOLDER);
                Files.createDirectories(stories);
                addFileRoute(camelContext, "watch-folder-" + account.getName(), account, folder);
                addFileRoute(camelContext, "watch-stories-" + account.getName(), account, stories);
                TemplatedRouteBuilder.builder(camelContext, CAROUSEL_TEMPLATE_ID)
                        .routeId("watch-carousels-" + account.getName())
                        .parameter("account", account.getName())
                        .parameter("folder", folder.toString())
                        .add();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the watch folder of account " + account.getName(), e);
            }
        }
    }

    private static void addFileRoute(CamelContext camelContext, String routeId, IgpipeProperties.Account account,
            Path folder) throws Exception {
        TemplatedRouteBuilder.builder(camelContext, TEMPLATE_ID)
                .routeId(routeId)
                .parameter("account", account.getName())
                .parameter("folder", folder.toString())
                .add();
    }
}
