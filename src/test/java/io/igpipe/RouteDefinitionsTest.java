package io.igpipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Every YAML file in routes/ loads with Camel's own YAML DSL, and every route in it carries an explicit id. */
class RouteDefinitionsTest {

    private static final Path ROUTES = Path.of("routes");

    @Test
    void everyRouteFileLoadsAndEveryRouteHasAnId() throws Exception {
        List<Path> files = routeFiles();
        assertThat(files).isNotEmpty();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (Path file : files) {
                PluginHelper.getRoutesLoader(context)
                        .loadRoutes(ResourceHelper.fromString(file.getFileName().toString(), Files.readString(file)));
            }
            ModelCamelContext model = context.getCamelContextExtension().getContextPlugin(ModelCamelContext.class);
            assertThat(model.getRouteDefinitions()).isNotEmpty()
                    .allSatisfy(route -> assertThat(route.hasCustomIdAssigned())
                            .as("route from %s has an explicit id", route.getInput().getUri()).isTrue());
            assertThat(model.getRouteTemplateDefinitions()).extracting(t -> t.getId()).contains("watch-folder-ingest");
            assertThat(model.getRouteConfigurationDefinitions()).extracting(c -> c.getId()).contains("post-failure-handling");
            assertThat(model.getRouteDefinitions()).extracting(RouteDefinition::getId)
                    .contains("dispatch-due-posts", "advance-post", "prepare-media", "create-container",
                            "check-container", "publish-media", "archive-post", "save-post");
        }
    }

    @Test
    void everyTopLevelElementDeclaresItsIdInTheFile() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path file : routeFiles()) {
            List<?> document = new Yaml().load(Files.readString(file));
            for (Object element : document) {
                Map<?, ?> wrapper = (Map<?, ?>) element;
                wrapper.forEach((kind, body) -> {
                    if (!(body instanceof Map<?, ?> definition) || definition.get("id") == null) {
                        missing.add(file.getFileName() + ": " + kind);
                    }
                });
            }
        }
        assertThat(missing).as("route, routeTemplate and routeConfiguration elements without an id").isEmpty();
    }

    @Test
    void routeFilesUseTheCamelYamlSuffix() throws Exception {
        try (Stream<Path> all = Files.list(ROUTES)) {
            assertThat(all.map(p -> p.getFileName().toString())).allMatch(name -> name.endsWith(".camel.yaml"));
        }
    }

    private static List<Path> routeFiles() throws Exception {
        try (Stream<Path> all = Files.list(ROUTES)) {
            return all.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }
}
