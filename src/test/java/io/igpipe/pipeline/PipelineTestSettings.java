package io.igpipe.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings that make the real pipeline fast enough for tests: every wait is configuration. */
public final class PipelineTestSettings {

    private PipelineTestSettings() {
    }

    public static Path newWorkDir(String name) {
        try {
            return Files.createTempDirectory("igpipe-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> fastPipeline(Path work) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("igpipe.data-dir", work.resolve("data").toString());
        settings.put("igpipe.watch-root", work.resolve("watch").toString());
        settings.put("igpipe.graph.base-url", "");
        settings.put("igpipe.sandbox.port", "0");
        settings.put("igpipe.sandbox.processing-delay", "300ms");
        settings.put("igpipe.graph.container-poll.initial-delay", "100ms");
        settings.put("igpipe.graph.container-poll.interval", "200ms");
        settings.put("igpipe.ingest.settle-time", "600ms");
        settings.put("igpipe.ingest.poll-interval", "200ms");
        settings.put("igpipe.pipeline.poll-interval", "200ms");
        settings.put("igpipe.pipeline.retry-initial-delay", "200ms");
        settings.put("igpipe.pipeline.retry-max-delay", "2s");
        settings.put("igpipe.graph.response-timeout", "3s");
        return settings;
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = PipelineTestSettings.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test fixture src/test/resources/media/" + name);
            }
            return in.readAllBytes();
        }
    }
}
