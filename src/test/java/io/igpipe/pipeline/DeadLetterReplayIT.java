package io.igpipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.graph.sandbox.EndpointKind;
import io.igpipe.graph.sandbox.FaultRule;
import io.igpipe.graph.sandbox.GraphSandbox;
import io.igpipe.graph.sandbox.SandboxSnapshot;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dead-letter store over HTTP, end to end: posts are dead-lettered by real Graph errors from the embedded
 * sandbox, then inspected, replayed and discarded through {@code /api/v1}, and the outcome is checked where it
 * matters: files in the watch folder, rows in the ledger, media in the sandbox (never one too many).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterReplayIT {

    private static final Path WORK = PipelineTestSettings.newWorkDir("dead-letter-it");
    private static final Path FOLDER = WORK.resolve("watch").resolve("demo");
    private static final String IG_USER_ID = "17841400000000001";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The API needs a key; a deployment gives its first one this way. */
    private static final String API_KEY = "dead-letter-it-bootstrap-key-0123456789abcdef";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PipelineTestSettings.fastPipeline(WORK).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("igpipe.api.bootstrap-key", () -> API_KEY);
    }

    @Autowired
    GraphSandbox sandbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void authenticate() {
        if (http.getRestTemplate().getInterceptors().isEmpty()) {
            http.getRestTemplate().getInterceptors().add((request, body, execution) -> {
                request.getHeaders().setBearerAuth(API_KEY);
                return execution.execute(request, body);
            });
        }
    }

    @AfterEach
    void clearFaults() {
        // a rule a failed test did not use up must not hit the next test's post
        sandbox.faults().clear();
    }

    @Test
    void aPostRefusedAtContainerCreationIsReplayedAndPublishedExactlyOnce() throws Exception {
        String caption = "replayed after an invalid container #dlq-a";
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).times(1).error(100, 2207023).build());
        dropPhoto("refused", 21, caption);

        JsonNode errorFile = awaitFile(".failed", "refused.error.json");
        assertThat(errorFile.get("code").asText()).isEqualTo("GRAPH_INVALID");
        assertThat(errorFile.get("stage").asText()).isEqualTo("create-container");
        assertThat(errorFile.get("category").asText()).isEqualTo("INVALID");
        assertThat(errorFile.get("graphCode").asInt()).isEqualTo(100);
        assertThat(errorFile.get("graphSubcode").asInt()).isEqualTo(2207023);
        assertThat(errorFile.get("fbtraceId").asText()).isNotBlank();
        assertThat(errorFile.get("replays").asInt()).isZero();
        String id = errorFile.get("postId").asText();
        assertThat(FOLDER.resolve(".failed/refused.jpg")).exists();
        assertThat(FOLDER.resolve(".failed/refused.txt")).exists();
        assertThat(ledgerRow(id).get("ARCHIVED_ORIGINAL_PATH"))
                .isEqualTo(FOLDER.resolve(".failed/refused.jpg").toAbsolutePath().toString());

        ResponseEntity<String> listed = http.getForEntity("/api/v1/dead-letters", String.class);
        assertThat(listed.getStatusCode().value()).isEqualTo(200);
        assertThat(listed.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
        assertThat(listed.getHeaders().getFirst("X-Request-Id")).isNotBlank();
        JsonNode entry = find(JSON.readTree(listed.getBody()), id);
        assertThat(entry).as("dead letter %s listed", id).isNotNull();
        assertThat(entry.get("state").asText()).isEqualTo("FAILED");
        assertThat(entry.get("caption").asText()).isEqualTo(caption);
        assertThat(entry.at("/error/code").asText()).isEqualTo("GRAPH_INVALID");
        assertThat(entry.at("/error/stage").asText()).isEqualTo("create-container");
        assertThat(entry.at("/error/graphSubcode").asInt()).isEqualTo(2207023);
        assertThat(entry.at("/error/fbtraceId").asText()).isEqualTo(errorFile.get("fbtraceId").asText());
        assertThat(entry.at("/error/detail/error/code").asInt()).as("Graph body parsed").isEqualTo(100);
        ResponseEntity<String> forDemo = http.getForEntity("/api/v1/dead-letters?account=demo", String.class);
        assertThat(find(JSON.readTree(forDemo.getBody()), id)).isNotNull();
        assertThat(forDemo.getHeaders().containsKey("account")).as("request headers are not echoed").isFalse();
        assertThat(get("/api/v1/dead-letters?account=nobody")).isEmpty();

        ResponseEntity<String> retried = post("/api/v1/posts/" + id + "/retry");
        assertThat(retried.getStatusCode().value()).isIn(200, 202);
        JsonNode answer = JSON.readTree(retried.getBody());
        assertThat(answer.get("id").asText()).isEqualTo(id);
        assertThat(answer.get("reentersAt").asText()).isEqualTo("PREPARED");
        assertThat(answer.get("statusUrl").asText()).isEqualTo("/api/v1/posts/" + id);

        awaitFile(".published", "refused.result.json");
        assertThat(FOLDER.resolve(".failed/refused.jpg")).doesNotExist();
        assertThat(FOLDER.resolve(".failed/refused.txt")).doesNotExist();
        assertThat(FOLDER.resolve(".failed/refused.error.json")).doesNotExist();
        assertThat(FOLDER.resolve(".published/refused.jpg")).exists();
        assertThat(FOLDER.resolve(".published/refused.txt")).exists();
        List<SandboxSnapshot.MediaView> published = mediaWithCaption(caption);
        assertThat(published).hasSize(1);
        JsonNode status = getOk(answer.get("statusUrl").asText());
        assertThat(status.get("state").asText()).isEqualTo("PUBLISHED");
        assertThat(status.get("mediaId").asText()).isEqualTo(published.get(0).id());
        assertThat(status.get("replays").asInt()).isEqualTo(1);
        assertThat(status.get("error").isNull()).isTrue();
        assertThat(find(get("/api/v1/dead-letters"), id)).isNull();

        // (b) a published post is never replayed
        ResponseEntity<String> again = post("/api/v1/posts/" + id + "/retry");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        JsonNode refusal = JSON.readTree(again.getBody());
        assertThat(refusal.get("code").asText()).isEqualTo("INVALID_STATUS");
        assertThat(refusal.get("error").asText()).contains("already published");
        assertThat(mediaWithCaption(caption)).hasSize(1);
        assertThat(ledgerRow(id)).containsEntry("STATE", "PUBLISHED").containsEntry("REPLAYS", 1);
    }

    @Test
    void anUnknownPostAnswersTheErrorEnvelope() throws Exception {
        for (ResponseEntity<String> response : List.of(
                http.getForEntity("/api/v1/posts/no-such-post", String.class),
                post("/api/v1/posts/no-such-post/retry"),
                post("/api/v1/posts/no-such-post/discard"))) {
            assertThat(response.getStatusCode().value()).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).isNotNull()
                    .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
            JsonNode body = JSON.readTree(response.getBody());
            assertThat(body.fieldNames()).toIterable()
                    .containsExactly("code", "error", "details", "retryAfter", "requestId");
            assertThat(body.get("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(body.get("error").asText()).contains("no-such-post");
            String requestId = response.getHeaders().getFirst("X-Request-Id");
            assertThat(requestId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(body.get("requestId").asText()).isEqualTo(requestId);
        }
    }

    @Test
    void aDiscardedDeadLetterCannotBeReplayed() throws Exception {
        String caption = "discarded for good #dlq-d";
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).times(1).error(100, 2207023).build());
        dropPhoto("unwanted", 22, caption);
        String id = awaitFile(".failed", "unwanted.error.json").get("postId").asText();
        String preparedPath = (String) ledgerRow(id).get("PREPARED_PATH");
        assertThat(Path.of(preparedPath)).as("kept for a replay").exists();

        ResponseEntity<String> discarded = post("/api/v1/posts/" + id + "/discard");
        assertThat(discarded.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(discarded.getBody()).get("discardedAt").asText()).isNotBlank();
        assertThat(getOk("/api/v1/posts/" + id).get("discardedAt").asText()).isNotBlank();
        assertThat(find(get("/api/v1/dead-letters"), id)).isNull();
        assertThat(Path.of(preparedPath)).doesNotExist();
        assertThat(FOLDER.resolve(".failed/unwanted.jpg")).exists();
        assertThat(FOLDER.resolve(".failed/unwanted.error.json")).exists();

        ResponseEntity<String> retried = post("/api/v1/posts/" + id + "/retry");
        assertThat(retried.getStatusCode().value()).isEqualTo(409);
        assertThat(JSON.readTree(retried.getBody()).get("code").asText()).isEqualTo("INVALID_STATUS");
        assertThat(post("/api/v1/posts/" + id + "/discard").getStatusCode().value()).isEqualTo(409);
        assertThat(FOLDER.resolve(".failed/unwanted.jpg")).exists();
        assertThat(ledgerRow(id)).containsEntry("STATE", "FAILED").containsEntry("REPLAYS", 0);
        assertThat(mediaWithCaption(caption)).isEmpty();
    }

    /**
     * media_publish succeeded on Instagram's side but answered with an error, so the post was dead-lettered while
     * it is live. Its replay must read the container (PUBLISHED), recover the media id and never publish again.
     */
    @Test
    void aPublishThatWentThroughDespiteAnErrorAnswerIsRecoveredNotDeadLettered() throws Exception {
        String caption = "published although the answer said no #dlq-e";
        long publishesBefore = sandbox.snapshot().callCount(EndpointKind.MEDIA_PUBLISH);
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).times(1).afterSuccess().error(368, null).build());
        dropPhoto("lost-answer", 23, caption);

        // The dead-letter route reads the container of a post in PUBLISHING before filing it as failed.
        JsonNode result = awaitFile(".published", "lost-answer.result.json");
        List<SandboxSnapshot.MediaView> live = mediaWithCaption(caption);
        assertThat(live).hasSize(1);
        assertThat(result.get("mediaId").asText()).isEqualTo(live.get(0).id());
        assertThat(sandbox.snapshot().callCount(EndpointKind.MEDIA_PUBLISH) - publishesBefore).isEqualTo(1);
        assertThat(ledgerRow(result.get("postId").asText())).containsEntry("STATE", "PUBLISHED")
                .containsEntry("MEDIA_ID", live.get(0).id());
        assertThat(FOLDER.resolve(".failed/lost-answer.error.json")).doesNotExist();
    }

    /** media_publish refused for real: the replay reads the container (FINISHED) and publishes it, once. */
    @Test
    void aPostWhosePublishWasRefusedIsPublishedFromItsContainerOnReplay() throws Exception {
        String caption = "publish refused once, then replayed #dlq-e2";
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).times(1).error(368, null).build());
        dropPhoto("refused-publish", 24, caption);

        String id = awaitFile(".failed", "refused-publish.error.json").get("postId").asText();
        Object container = ledgerRow(id).get("CONTAINER_ID");
        assertThat(mediaWithCaption(caption)).isEmpty();
        long creates = sandbox.snapshot().callCount(EndpointKind.CREATE_CONTAINER);

        ResponseEntity<String> retried = post("/api/v1/posts/" + id + "/retry");
        assertThat(retried.getStatusCode().value()).isIn(200, 202);
        assertThat(JSON.readTree(retried.getBody()).get("reentersAt").asText()).isEqualTo("PUBLISHING");

        awaitFile(".published", "refused-publish.result.json");
        List<SandboxSnapshot.MediaView> published = mediaWithCaption(caption);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).containerId()).isEqualTo(container);
        assertThat(sandbox.snapshot().callCount(EndpointKind.CREATE_CONTAINER)).as("no new container").isEqualTo(creates);
    }

    @Test
    void aPostRefusedForItsMediaIsOptimizedAgainOnReplay() throws Exception {
        String caption = "media refused twice, then replayed #dlq-m";
        // the first refusal is retried once with the strict profile; the second one dead-letters the post
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).times(2).error(36003, 2207009).build());
        dropPhoto("odd-media", 25, caption);

        JsonNode errorFile = awaitFile(".failed", "odd-media.error.json");
        assertThat(errorFile.get("category").asText()).isEqualTo("MEDIA");
        assertThat(errorFile.get("mediaRetries").asInt()).isEqualTo(1);
        String id = errorFile.get("postId").asText();

        ResponseEntity<String> retried = post("/api/v1/posts/" + id + "/retry");
        assertThat(retried.getStatusCode().value()).isIn(200, 202);
        assertThat(JSON.readTree(retried.getBody()).get("reentersAt").asText()).isEqualTo("RECEIVED");

        awaitFile(".published", "odd-media.result.json");
        assertThat(mediaWithCaption(caption)).hasSize(1);
        assertThat(ledgerRow(id)).containsEntry("STATE", "PUBLISHED").containsEntry("REPLAYS", 1);
    }

    @Test
    void aReplayIsRefusedWhileTheSameContentIsLiveAndNothingMoves() throws Exception {
        String caption = "the first copy failed #dlq-f";
        byte[] photo = TestPhotos.jpeg(TestPhotos.photo(1200, 900, 26, false), 0.9f);
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).times(1).error(100, 2207023).build());
        TestPhotos.drop(FOLDER, "twin.txt", caption.getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, "twin.jpg", photo);
        String first = awaitFile(".failed", "twin.error.json").get("postId").asText();

        TestPhotos.drop(FOLDER, "twin-again.txt", "the second copy made it #dlq-f".getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, "twin-again.jpg", photo);
        String second = awaitFile(".published", "twin-again.result.json").get("postId").asText();

        ResponseEntity<String> retried = post("/api/v1/posts/" + first + "/retry");
        assertThat(retried.getStatusCode().value()).isEqualTo(409);
        JsonNode refusal = JSON.readTree(retried.getBody());
        assertThat(refusal.get("code").asText()).isEqualTo("DUPLICATE_CONTENT");
        assertThat(refusal.at("/details/livePostId").asText()).isEqualTo(second);
        assertThat(refusal.get("error").asText()).contains(second);
        assertThat(FOLDER.resolve(".failed/twin.jpg")).hasBinaryContent(photo);
        assertThat(FOLDER.resolve(".failed/twin.txt")).exists();
        assertThat(FOLDER.resolve(".failed/twin.error.json")).exists();
        assertThat(ledgerRow(first)).containsEntry("STATE", "FAILED").containsEntry("REPLAYS", 0);
        assertThat(ledgerRow(first).get("LEASE_TOKEN")).isNull();
        assertThat(mediaWithCaption(caption)).isEmpty();
    }

    @Test
    void aPostToOptimizeAgainWhoseOriginalIsGoneIsRefusedAndStaysADeadLetter() throws Exception {
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).times(2).error(36003, 2207009).build());
        dropPhoto("vanished", 27, "the original was deleted from .failed #dlq-g");
        String id = awaitFile(".failed", "vanished.error.json").get("postId").asText();
        Files.delete(FOLDER.resolve(".failed/vanished.jpg"));

        ResponseEntity<String> retried = post("/api/v1/posts/" + id + "/retry");
        assertThat(retried.getStatusCode().value()).isEqualTo(409);
        assertThat(JSON.readTree(retried.getBody()).get("code").asText()).isEqualTo("ORIGINAL_MISSING");
        assertThat(FOLDER.resolve(".failed/vanished.txt")).as("the sidecar stays filed").exists();
        assertThat(FOLDER.resolve(".failed/vanished.error.json")).exists();
        Map<String, Object> row = ledgerRow(id);
        assertThat(row).containsEntry("STATE", "FAILED").containsEntry("REPLAYS", 0);
        assertThat(row.get("LEASE_TOKEN")).isNull();
        assertThat(find(get("/api/v1/dead-letters"), id)).isNotNull();
    }

    /** A replay that stopped after moving the files back in flight (a crash) is simply asked for again. */
    @Test
    void aReplayInterruptedAfterMovingTheFilesCanBeAskedForAgain() throws Exception {
        String caption = "replay interrupted, then asked again #dlq-h";
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).times(1).error(100, 2207023).build());
        dropPhoto("interrupted", 28, caption);
        String id = awaitFile(".failed", "interrupted.error.json").get("postId").asText();
        Map<String, Object> row = ledgerRow(id);
        Path original = Path.of((String) row.get("ORIGINAL_PATH"));
        Path sidecar = Path.of((String) row.get("SIDECAR_PATH"));
        Files.createDirectories(original.getParent());
        Files.move(FOLDER.resolve(".failed/interrupted.jpg"), original);
        Files.move(FOLDER.resolve(".failed/interrupted.txt"), sidecar);

        ResponseEntity<String> retried = post("/api/v1/posts/" + id + "/retry");
        assertThat(retried.getStatusCode().value()).as(retried.getBody()).isIn(200, 202);

        awaitFile(".published", "interrupted.result.json");
        assertThat(FOLDER.resolve(".published/interrupted.txt")).exists();
        assertThat(FOLDER.resolve(".failed/interrupted.error.json")).doesNotExist();
        assertThat(mediaWithCaption(caption)).hasSize(1);
    }

    private static void dropPhoto(String name, long seed, String caption) throws IOException {
        TestPhotos.drop(FOLDER, name + ".txt", caption.getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, name + ".jpg", TestPhotos.jpeg(TestPhotos.photo(1200, 900, seed, false), 0.9f));
    }

    private static JsonNode awaitFile(String folder, String name) throws IOException {
        Path file = FOLDER.resolve(folder).resolve(name);
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(file));
        return JSON.readTree(file.toFile());
    }

    private ResponseEntity<String> post(String path) {
        return http.postForEntity(path, null, String.class);
    }

    private JsonNode get(String path) throws IOException {
        return getOk(path);
    }

    private JsonNode getOk(String path) throws IOException {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as("GET %s: %s", path, response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode entry : list) {
            if (id.equals(entry.path("id").asText())) {
                return entry;
            }
        }
        return null;
    }

    private List<SandboxSnapshot.MediaView> mediaWithCaption(String caption) {
        return sandbox.snapshot().publishedBy(IG_USER_ID).stream().filter(m -> caption.equals(m.caption())).toList();
    }

    private Map<String, Object> ledgerRow(String id) {
        return jdbc.sql("SELECT * FROM post WHERE id = :id").param("id", id).query().singleRow();
    }
}
