package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh sandbox per test on a hand-moved clock, two registered accounts, and an image origin shared by the
 * test class. Processing is evaluated from the clock, so "wait until FINISHED" is a clock move, not a sleep.
 */
abstract class SandboxTestSupport {

    static final String SHOP = "17841400000000001";
    static final String SHOP_TOKEN = "EAAshop-token-0001";
    static final String OTHER = "17841400000000002";
    static final String OTHER_TOKEN = "EAAother-token-0002";
    static final String V = "/v25.0/";
    static final Duration PROCESSING = Duration.ofSeconds(2);
    static final Duration VIDEO_PROCESSING = Duration.ofMillis(300);

    static {
        // The JDK server writes the headers and the body of an answer separately, so with Nagle on, the body
        // waits for the client's delayed ACK: about 40 ms a call, 45 s for a 1000-call chaos test. The JDK reads
        // this once, when the first HttpServer of the JVM is made, so it is set before this class starts any.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    static ImageOrigin origin;

    MutableClock clock;
    GraphSandbox sandbox;
    GraphTestClient graph;

    @BeforeAll
    static void startOrigin() throws IOException {
        origin = new ImageOrigin();
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @BeforeEach
    void startSandbox() throws IOException {
        clock = new MutableClock();
        SandboxSettings.Builder settings = SandboxSettings.builder()
                .clock(clock)
                .imageProcessingDelay(PROCESSING)
                .videoProcessingDelay(VIDEO_PROCESSING)
                .fetchTimeout(Duration.ofSeconds(2));
        sandbox = GraphSandbox.start(customize(settings).build());
        sandbox.registerAccount(SHOP, "igpipe_shop", SHOP_TOKEN);
        sandbox.registerAccount(OTHER, "other_shop", OTHER_TOKEN);
        graph = new GraphTestClient(sandbox.baseUri());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** Tests that need other limits override this. */
    SandboxSettings.Builder customize(SandboxSettings.Builder settings) {
        return settings;
    }

    Answer createImage(String imageUrl, String... extraFields) {
        List<String> fields = new ArrayList<>(List.of("image_url", imageUrl));
        fields.addAll(List.of(extraFields));
        return graph.postForm(V + SHOP + "/media", SHOP_TOKEN, fields.toArray(String[]::new));
    }

    Answer createLandscape(String... extraFields) {
        return createImage(origin.url("/landscape.jpg"), extraFields);
    }

    /** A container that has finished processing. */
    String finishedContainer(String... extraFields) {
        Answer created = createLandscape(extraFields);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        finishProcessing();
        return created.id();
    }

    void finishProcessing() {
        clock.advance(PROCESSING.plusSeconds(1));
    }

    /** Serves a video on the origin under a path unique to this test and returns its URL. */
    String serveVideo(String name, byte[] bytes) {
        String path = "/" + getClass().getSimpleName() + "/" + name;
        origin.serve(path, 200, "video/mp4", bytes);
        return origin.url(path);
    }

    Answer createVideo(String mediaType, String videoUrl, String... extraFields) {
        List<String> fields = new ArrayList<>(List.of("media_type", mediaType, "video_url", videoUrl));
        fields.addAll(List.of(extraFields));
        return graph.postForm(V + SHOP + "/media", SHOP_TOKEN, fields.toArray(String[]::new));
    }

    /**
     * Lets the video processing delay pass on the test clock, then waits (in real time) for the background fetch
     * and check to record the verdict; answers the container's status_code and status.
     */
    JsonNode videoVerdict(String containerId) {
        clock.advance(VIDEO_PROCESSING);
        AtomicReference<JsonNode> status = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> {
            status.set(containerStatus(containerId).json());
            return !status.get().path("status_code").asText().equals("IN_PROGRESS");
        });
        return status.get();
    }

    static void assertVideoRefused(JsonNode status, int subcode) {
        assertThat(status.path("status_code").asText()).as(status.toString()).isEqualTo("ERROR");
        assertThat(status.path("status").asText())
                .isEqualTo("Error: Media upload has failed with error code " + subcode);
    }

    Answer publish(String creationId) {
        return graph.postForm(V + SHOP + "/media_publish", SHOP_TOKEN, "creation_id", creationId);
    }

    Answer containerStatus(String containerId) {
        return graph.get(V + containerId + "?fields=status_code,status", SHOP_TOKEN);
    }

    static void assertGraphError(Answer answer, int code, Integer subcode) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(GraphError.defaultHttpStatus(code));
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
        if (subcode == null) {
            assertThat(answer.error().has("error_subcode")).as(answer.body()).isFalse();
        } else {
            assertThat(answer.subcode()).as(answer.body()).isEqualTo(subcode);
        }
        assertThat(answer.error().path("type").asText()).isEqualTo("OAuthException");
        assertThat(answer.error().path("fbtrace_id").asText()).matches("[A-Za-z0-9_-]{20,30}");
        assertThat(answer.error().path("is_transient").isBoolean()).isTrue();
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/json"));
    }
}
