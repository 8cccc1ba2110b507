package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** With a state file, a restarted sandbox remembers accounts, tokens, containers, media and the quota. */
class PersistenceTest extends SandboxTestSupport {

    @TempDir
    static Path directory;

    @Override
    SandboxSettings.Builder customize(SandboxSettings.Builder settings) {
        return settings.stateFile(directory.resolve("state").resolve("graph-sandbox.json")).publishQuota(2);
    }

    @Test
    void survivesARestart() throws IOException {
        String publishedContainer = finishedContainer("caption", "kept");
        String mediaId = publish(publishedContainer).id();
        String waiting = finishedContainer("caption", "still waiting");
        sandbox.setTokenState(OTHER_TOKEN, TokenState.REVOKED);
        sandbox.close();

        sandbox = GraphSandbox.start(sandbox.settings());
        graph = new GraphTestClient(sandbox.baseUri());

        SandboxSnapshot snapshot = sandbox.snapshot();
        assertThat(snapshot.containers()).extracting(SandboxSnapshot.ContainerView::id)
                .containsExactly(publishedContainer, waiting);
        assertThat(snapshot.container(waiting).orElseThrow().image().width()).isEqualTo(1500);
        assertThat(snapshot.mediaById(mediaId).orElseThrow().caption()).isEqualTo("kept");
        assertThat(snapshot.quotaUsage(SHOP)).isEqualTo(1);
        assertThat(graph.get(V + SHOP + "/content_publishing_limit", SHOP_TOKEN).json()
                .path("data").path(0).path("quota_usage").asInt()).isEqualTo(1);
        assertGraphError(publish(publishedContainer), 24, 2207006);
        assertGraphError(graph.get(V + "me", OTHER_TOKEN), 190, 467);

        Answer second = publish(waiting);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.id()).isNotIn(publishedContainer, waiting, mediaId);
        assertGraphError(publish(finishedContainer()), 9, 2207042);

        clock.advance(Duration.ofHours(24));
        assertThat(containerStatus(snapshot.containers().get(1).id()).json().path("status_code").asText())
                .isEqualTo("PUBLISHED");
        try (var files = Files.list(directory.resolve("state"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("graph-sandbox.json");
        }
        assertThat(Files.readString(directory.resolve("state").resolve("graph-sandbox.json")))
                .contains("\"containers\"", "\"media\"", publishedContainer)
                .as("no access token is written to disk").doesNotContain(SHOP_TOKEN, OTHER_TOKEN);
    }

    @Test
    void aStateFileOfAnotherVersionIsSetAsideNotMisread() throws IOException {
        Path file = directory.resolve("old-version").resolve("graph-sandbox.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\":1,\"accounts\":[],\"tokens\":[{\"token\":\"old\"}],\"containers\":[],\"media\":[]}");

        try (GraphSandbox restarted = GraphSandbox.start(sandbox.settings().withPort(0).withStateFile(file))) {
            assertThat(restarted.snapshot().containers()).isEmpty();
        }
        assertThat(file.resolveSibling("graph-sandbox.json.v1")).exists();
    }
}
