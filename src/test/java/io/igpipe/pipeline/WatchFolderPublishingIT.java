package io.igpipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.graph.sandbox.EndpointKind;
import io.igpipe.graph.sandbox.FaultRule;
import io.igpipe.graph.sandbox.GraphSandbox;
import io.igpipe.graph.sandbox.ImageFacts;
import io.igpipe.graph.sandbox.JpegEncoding;
import io.igpipe.graph.sandbox.SandboxSnapshot;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end through the real routes: files dropped into the default account's watch folder, a real
 * H2 file ledger, the embedded Graph API sandbox over loopback fetching the served JPEGs itself.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WatchFolderPublishingIT {

    private static final Path WORK = PipelineTestSettings.newWorkDir("watch-folder-it");
    private static final Path FOLDER = WORK.resolve("watch").resolve("demo");
    private static final Path API_ORPHAN = WORK.resolve("data").resolve("api").resolve("demo").resolve(".inflight")
            .resolve(java.util.UUID.randomUUID().toString());
    private static final String IG_USER_ID = "17841400000000001";
    private static final String TOKEN = "sandbox-demo-token";
    private static final Duration PUBLISH_DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        PipelineTestSettings.fastPipeline(WORK).forEach((key, value) -> registry.add(key, () -> value));
        leaveAnOrphanedInFlightFile();
    }

    /** What a crash between moving a drop in flight and recording it leaves behind, before the app starts. */
    private static void leaveAnOrphanedInFlightFile() throws IOException {
        Path orphanDir = FOLDER.resolve(".inflight").resolve(java.util.UUID.randomUUID().toString());
        Files.createDirectories(orphanDir);
        Files.write(orphanDir.resolve("orphan.jpg"), TestPhotos.jpeg(TestPhotos.photo(1200, 900, 99, false), 0.9f));
        Files.writeString(orphanDir.resolve("orphan.txt"), "recovered after a crash before recording");
        // an API upload moved in flight by the run that crashed, whose client never got an answer
        Path apiOrphan = Files.createDirectories(API_ORPHAN);
        Files.write(apiOrphan.resolve("upload.jpg"), TestPhotos.jpeg(TestPhotos.photo(800, 600, 98, false), 0.9f));
        Files.setLastModifiedTime(apiOrphan, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Duration.ofHours(1))));
    }

    @Test
    void anApiUploadLeftInFlightByACrashIsDroppedNotPublished() {
        await().atMost(PUBLISH_DEADLINE).until(() -> !Files.exists(API_ORPHAN));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM post WHERE id = ?").param(API_ORPHAN.getFileName().toString())
                .query(Integer.class).single()).as("never recorded, never published").isZero();
    }

    @Test
    void aFileLeftInFlightByACrashBeforeItWasRecordedIsPublished() throws Exception {
        awaitOutcome("orphan", ".published", ".result.json");
        assertThat(mediaWithCaption("recovered after a crash before recording")).hasSize(1);
        try (Stream<Path> inFlight = Files.list(FOLDER.resolve(".inflight"))) {
            assertThat(inFlight.filter(dir -> Files.exists(dir.resolve("orphan.jpg")))).isEmpty();
        }
    }

    @Autowired
    GraphSandbox sandbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void droppedPhotoIsPublishedOnceWithItsCaptionArchivedAndRecorded(CapturedOutput output) throws Exception {
        byte[] photo = TestPhotos.jpeg(TestPhotos.photo(4000, 3000, 1, false), 0.92f);
        TestPhotos.drop(FOLDER, "sunset.txt", "Sunset over the bay #igpipe-e2e-1".getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, "sunset.jpg", photo);

        JsonNode result = awaitOutcome("sunset", ".published", ".result.json");

        List<SandboxSnapshot.MediaView> published = mediaWithCaption("Sunset over the bay #igpipe-e2e-1");
        assertThat(published).hasSize(1);
        assertThat(result.get("mediaId").asText()).isEqualTo(published.get(0).id());
        assertThat(result.get("containerId").asText()).isEqualTo(published.get(0).containerId());
        assertThat(result.get("contentSha256").asText()).isEqualTo(sha256(photo));
        assertThat(result.at("/timings/totalMillis").asLong()).isPositive();
        assertThat(FOLDER.resolve(".published/sunset.jpg")).exists().hasBinaryContent(photo);
        assertThat(FOLDER.resolve(".published/sunset.txt")).exists();
        assertThat(FOLDER.resolve("sunset.jpg")).doesNotExist();
        assertThat(FOLDER.resolve("sunset.txt")).doesNotExist();

        Map<String, Object> row = ledgerRow("sunset.jpg");
        assertThat(row).containsEntry("STATE", "PUBLISHED")
                .containsEntry("MEDIA_ID", published.get(0).id())
                .containsEntry("CONTAINER_ID", published.get(0).containerId());
        assertThat(row.get("ARCHIVED_AT")).isNotNull();

        ImageFacts sent = sandbox.snapshot().container(published.get(0).containerId()).orElseThrow().image();
        assertThat(sent.width()).isEqualTo(1440);
        assertThat(sent.height()).isEqualTo(1080);
        assertThat(sent.encoding()).isEqualTo(JpegEncoding.BASELINE);
        assertThat(sent.colorComponents()).isEqualTo(3);

        assertThat(output.getAll()).doesNotContain(TOKEN);
        assertNoFileUnder(WORK.resolve("watch"), TOKEN);
    }

    @Test
    void everyAcceptedFormatIsPublishedAsAValidJpeg() throws Exception {
        TestPhotos.drop(FOLDER, "alpha.png", TestPhotos.png(TestPhotos.photo(1600, 1200, 2, true)));
        TestPhotos.drop(FOLDER, "alpha.txt", "format alpha png".getBytes(StandardCharsets.UTF_8));
        // stored landscape, EXIF orientation 6: displayed as a 900x1600 portrait
        TestPhotos.drop(FOLDER, "rotated.jpg", TestPhotos.jpegWithExifOrientation(TestPhotos.photo(1600, 900, 3, false), 6));
        TestPhotos.drop(FOLDER, "rotated.txt", "format exif rotated".getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, "panorama.jpg", TestPhotos.jpeg(TestPhotos.photo(3000, 1000, 4, false), 0.9f));
        TestPhotos.drop(FOLDER, "panorama.txt", "format panorama".getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, "webp-photo.webp", PipelineTestSettings.fixture("photo-lossy-alpha.webp"));
        TestPhotos.drop(FOLDER, "webp-photo.txt", "format webp".getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, "cmyk.jpg", TestPhotos.cmykJpeg(1200, 900, WORK));
        TestPhotos.drop(FOLDER, "cmyk.txt", "format cmyk jpeg".getBytes(StandardCharsets.UTF_8));

        for (String name : List.of("alpha", "rotated", "panorama", "webp-photo", "cmyk")) {
            awaitOutcome(name, ".published", ".result.json");
        }
        for (String caption : List.of("format alpha png", "format exif rotated", "format panorama", "format webp",
                "format cmyk jpeg")) {
            List<SandboxSnapshot.MediaView> media = mediaWithCaption(caption);
            assertThat(media).as(caption).hasSize(1);
            ImageFacts sent = sandbox.snapshot().container(media.get(0).containerId()).orElseThrow().image();
            double ratio = (double) sent.width() / sent.height();
            assertThat(ratio).as(caption + " aspect ratio").isBetween(0.8, 1.91);
            assertThat(sent.width()).as(caption + " width").isBetween(320, 1440);
            assertThat(sent.encoding()).as(caption).isEqualTo(JpegEncoding.BASELINE);
            assertThat(sent.colorComponents()).as(caption).isEqualTo(3);
            assertThat(sent.nonSrgbIccProfile()).as(caption).isFalse();
            if (caption.contains("rotated")) {
                assertThat(sent.height()).as("EXIF rotation honoured").isGreaterThan(sent.width());
            }
            if (caption.contains("panorama")) {
                assertThat(ratio).as("3:1 panorama cropped to the limit").isCloseTo(1.91, org.assertj.core.data.Offset.offset(0.01));
            }
        }
    }

    @Test
    void badFilesAreSetAsideWithAStableCodeAndThePipelineKeepsGoing() throws Exception {
        byte[] good = TestPhotos.jpeg(TestPhotos.photo(1200, 900, 5, false), 0.9f);
        TestPhotos.drop(FOLDER, "truncated.jpg", TestPhotos.truncated(TestPhotos.jpeg(TestPhotos.photo(1200, 900, 6, false), 0.9f)));
        TestPhotos.drop(FOLDER, "notes.jpg", "these are my notes, not a photo\n".repeat(40).getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, "after-bad.jpg", good);
        TestPhotos.drop(FOLDER, "after-bad.txt", "published after two bad files".getBytes(StandardCharsets.UTF_8));

        JsonNode truncated = awaitOutcome("truncated", ".failed", ".error.json");
        JsonNode notes = awaitOutcome("notes", ".failed", ".error.json");
        awaitOutcome("after-bad", ".published", ".result.json");

        assertThat(truncated.get("code").asText()).isEqualTo("MEDIA_CORRUPT");
        assertThat(notes.get("code").asText()).isEqualTo("MEDIA_UNSUPPORTED_FORMAT");
        assertThat(truncated.get("message").asText()).isNotBlank();
        assertThat(FOLDER.resolve(".failed/truncated.jpg")).exists();
        assertThat(FOLDER.resolve(".failed/notes.jpg")).exists();
        assertThat(ledgerRow("truncated.jpg")).containsEntry("STATE", "FAILED").containsEntry("ERROR_CODE", "MEDIA_CORRUPT");
        assertThat(ledgerRow("notes.jpg")).containsEntry("STATE", "FAILED");
        assertThat(mediaWithCaption("published after two bad files")).hasSize(1);
    }

    @Test
    void theSamePhotoDroppedAgainIsNotPublishedAgain() throws Exception {
        byte[] photo = TestPhotos.jpeg(TestPhotos.photo(1500, 1000, 7, false), 0.9f);
        TestPhotos.drop(FOLDER, "twice.jpg", photo);
        TestPhotos.drop(FOLDER, "twice.txt", "dropped twice".getBytes(StandardCharsets.UTF_8));
        awaitOutcome("twice", ".published", ".result.json");
        long publishCalls = sandbox.snapshot().callCount(EndpointKind.MEDIA_PUBLISH);

        TestPhotos.drop(FOLDER, "twice-again.jpg", photo);
        TestPhotos.drop(FOLDER, "twice-again.txt", "dropped twice".getBytes(StandardCharsets.UTF_8));
        JsonNode duplicate = awaitOutcome("twice-again", ".failed", ".error.json");

        assertThat(duplicate.get("code").asText()).isEqualTo("DUPLICATE_CONTENT");
        assertThat(duplicate.get("message").asText()).contains("not published again");
        assertThat(mediaWithCaption("dropped twice")).hasSize(1);
        assertThat(sandbox.snapshot().callCount(EndpointKind.MEDIA_PUBLISH)).isEqualTo(publishCalls);
    }

    @Test
    void twoCopiesDroppedTogetherArePublishedOnce() throws Exception {
        byte[] photo = TestPhotos.jpeg(TestPhotos.photo(1300, 1000, 8, false), 0.9f);
        TestPhotos.drop(FOLDER, "copy-a.txt", "two copies at once".getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, "copy-b.txt", "two copies at once".getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, "copy-a.jpg", photo);
        TestPhotos.drop(FOLDER, "copy-b.jpg", photo);

        await().atMost(PUBLISH_DEADLINE).until(() -> outcomeExists("copy-a") && outcomeExists("copy-b"));
        await().atMost(PUBLISH_DEADLINE).until(() -> mediaWithCaption("two copies at once").size() == 1);
        long duplicates = Stream.of("copy-a", "copy-b")
                .filter(name -> Files.exists(FOLDER.resolve(".failed/" + name + ".error.json"))).count();
        assertThat(duplicates).isEqualTo(1);
        assertThat(mediaWithCaption("two copies at once")).hasSize(1);
    }

    @Test
    void aHalfWrittenFileIsNotPickedUpUntilItIsComplete() throws Exception {
        byte[] photo = TestPhotos.jpeg(TestPhotos.photo(2000, 1500, 9, false), 0.9f);
        Path target = FOLDER.resolve("slow.jpg");
        Files.createDirectories(FOLDER);
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(photo, 0, photo.length / 2);
            out.flush();
            // While the writer keeps the file growing slowly, it must stay where it is and unrecorded.
            for (int chunk = 0; chunk < 4; chunk++) {
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                        .until(() -> Files.exists(target) && ledgerRowCount("slow.jpg") == 0);
                out.write(photo, photo.length / 2 + chunk * 10, 10);
                out.flush();
            }
            out.write(photo, photo.length / 2 + 40, photo.length - photo.length / 2 - 40);
        }
        JsonNode result = awaitOutcome("slow", ".published", ".result.json");
        assertThat(result.get("contentSha256").asText()).isEqualTo(sha256(photo));
    }

    @Test
    void aSidecarWrittenJustAfterItsPhotoStillBelongsToIt() throws Exception {
        TestPhotos.drop(FOLDER, "late-caption.jpg", TestPhotos.jpeg(TestPhotos.photo(1200, 1000, 10, false), 0.9f));
        TestPhotos.drop(FOLDER, "late-caption.yaml", """
                caption: "Caption written after the photo"
                alt_text: A generated test photo
                """.getBytes(StandardCharsets.UTF_8));
        awaitOutcome("late-caption", ".published", ".result.json");
        assertThat(mediaWithCaption("Caption written after the photo")).hasSize(1);
    }

    @Test
    void aSettledPhotoWaitsWhileItsSidecarIsStillBeingWritten() throws Exception {
        Path photo = FOLDER.resolve("old-photo.jpg");
        Path temp = FOLDER.resolve(".old-photo.jpg.part");
        Files.write(temp, TestPhotos.jpeg(TestPhotos.photo(1200, 1000, 16, false), 0.9f));
        // Already settled: taken on its own, the photo would be picked up at the next scan.
        Files.setLastModifiedTime(temp, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path sidecar = FOLDER.resolve("old-photo.yaml");
        try (OutputStream out = Files.newOutputStream(sidecar)) {
            out.write("caption: \"Caption typed sl".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Files.move(temp, photo, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            for (String more : List.of("o", "w", "l", "y")) {
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                        .until(() -> Files.exists(photo) && ledgerRowCount("old-photo.jpg") == 0);
                out.write(more.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("\"\n".getBytes(StandardCharsets.UTF_8));
        }
        awaitOutcome("old-photo", ".published", ".result.json");
        assertThat(mediaWithCaption("Caption typed slowly")).hasSize(1);
    }

    @Test
    void anInvalidSidecarSetsThePhotoAsideWithItsReason() throws Exception {
        TestPhotos.drop(FOLDER, "bad-sidecar.yaml", "captoin: misspelt key\n".getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(FOLDER, "bad-sidecar.jpg", TestPhotos.jpeg(TestPhotos.photo(1200, 1000, 11, false), 0.9f));
        JsonNode error = awaitOutcome("bad-sidecar", ".failed", ".error.json");
        assertThat(error.get("code").asText()).isEqualTo("SIDECAR_INVALID");
        assertThat(error.get("message").asText()).contains("captoin");
        assertThat(FOLDER.resolve(".failed/bad-sidecar.yaml")).exists();
    }

    @Test
    void aTransientGraphErrorIsRetriedWithBackoffAndPublishedOnce() throws Exception {
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).times(2).error(2, null).build());
        long creates = sandbox.snapshot().callCount(EndpointKind.CREATE_CONTAINER);
        TestPhotos.drop(FOLDER, "flaky.jpg", TestPhotos.jpeg(TestPhotos.photo(1200, 900, 12, false), 0.9f));
        TestPhotos.drop(FOLDER, "flaky.txt", "published after two transient errors".getBytes(StandardCharsets.UTF_8));

        awaitOutcome("flaky", ".published", ".result.json");

        assertThat(mediaWithCaption("published after two transient errors")).hasSize(1);
        assertThat(sandbox.snapshot().callCount(EndpointKind.CREATE_CONTAINER) - creates).isEqualTo(3);
    }

    @Test
    void aGraphAnswerSlowerThanTheResponseTimeoutIsGivenUpOnAndRetried() throws Exception {
        // igpipe.graph.response-timeout is 3 s here; this answer would come after 8 s.
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).times(1).latencyMs(8_000).build());
        long creates = sandbox.snapshot().callCount(EndpointKind.CREATE_CONTAINER);
        TestPhotos.drop(FOLDER, "slow-graph.jpg", TestPhotos.jpeg(TestPhotos.photo(1200, 900, 15, false), 0.9f));
        TestPhotos.drop(FOLDER, "slow-graph.txt", "published after a timed-out call".getBytes(StandardCharsets.UTF_8));

        awaitOutcome("slow-graph", ".published", ".result.json");

        assertThat(mediaWithCaption("published after a timed-out call")).hasSize(1);
        // The abandoned call is logged by the sandbox only once its slow answer has been sent.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> sandbox.snapshot().callCount(EndpointKind.CREATE_CONTAINER) - creates >= 2);
        assertThat(mediaWithCaption("published after a timed-out call")).hasSize(1);
    }

    @Test
    void anUnreadableQuotaDoesNotStopPublishing() throws Exception {
        sandbox.faults().add(FaultRule.on(EndpointKind.PUBLISHING_LIMIT).times(1).error(100, null).build());
        TestPhotos.drop(FOLDER, "no-quota.jpg", TestPhotos.jpeg(TestPhotos.photo(1200, 900, 14, false), 0.9f));
        TestPhotos.drop(FOLDER, "no-quota.txt", "published without a quota reading".getBytes(StandardCharsets.UTF_8));
        awaitOutcome("no-quota", ".published", ".result.json");
        assertThat(mediaWithCaption("published without a quota reading")).hasSize(1);
    }

    @Test
    void healthReportsThePipelineUp() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"pipeline\"", "\"watchFolders\"").doesNotContain(TOKEN);
    }

    private JsonNode awaitOutcome(String baseName, String folder, String suffix) throws IOException {
        Path file = FOLDER.resolve(folder).resolve(baseName + suffix);
        await().atMost(PUBLISH_DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(file));
        return JSON.readTree(file.toFile());
    }

    private boolean outcomeExists(String baseName) {
        return Files.exists(FOLDER.resolve(".published/" + baseName + ".result.json"))
                || Files.exists(FOLDER.resolve(".failed/" + baseName + ".error.json"));
    }

    private List<SandboxSnapshot.MediaView> mediaWithCaption(String caption) {
        return sandbox.snapshot().publishedBy(IG_USER_ID).stream().filter(m -> caption.equals(m.caption())).toList();
    }

    private Map<String, Object> ledgerRow(String originalName) {
        return jdbc.sql("SELECT * FROM post WHERE original_name = :name").param("name", originalName).query().singleRow();
    }

    private int ledgerRowCount(String originalName) {
        return jdbc.sql("SELECT COUNT(*) FROM post WHERE original_name = :name").param("name", originalName)
                .query(Integer.class).single();
    }

    private static void assertNoFileUnder(Path root, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).forEach(p -> {
                try {
                    assertThat(Files.readString(p)).as(p.toString()).doesNotContain(secret);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
