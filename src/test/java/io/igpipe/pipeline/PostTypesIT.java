package io.igpipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.graph.sandbox.ContainerOutcome;
import io.igpipe.graph.sandbox.ContainerStatus;
import io.igpipe.graph.sandbox.ContainerType;
import io.igpipe.graph.sandbox.EndpointKind;
import io.igpipe.graph.sandbox.FaultRule;
import io.igpipe.graph.sandbox.GraphSandbox;
import io.igpipe.graph.sandbox.SandboxSnapshot;
import io.igpipe.graph.sandbox.VideoFacts;
import io.igpipe.ingest.ApiTestClient;
import io.igpipe.media.video.VideoTools;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every post type end to end through the real routes: watch-folder conventions, real ffmpeg probing and
 * transcoding, and the embedded sandbox fetching (or receiving by resumable upload) and checking the real media.
 * {@code demo} sends videos by video_url, {@code studio} by resumable upload, {@code brand} is kept for the
 * carousel whose child Instagram refuses once.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostTypesIT {

    private static final Path WORK = PipelineTestSettings.newWorkDir("post-types-it");
    private static final Account DEMO = new Account("demo", "17841400000000001", "post-types-demo-token", "video-url");
    private static final Account STUDIO = new Account("studio", "17841400000000002", "post-types-studio-token", "resumable");
    private static final Account BRAND = new Account("brand", "17841400000000003", "post-types-brand-token", "video-url");
    /** Never publishes here, so the schedule planner assumes planner-default-quota for it. */
    private static final Account PLANNER = new Account("planner", "17841400000000004", "post-types-planner-token", "video-url");
    private static final int PLANNER_QUOTA = 3;
    private static final String API_KEY = "post-types-it-bootstrap-key-0123456789abcdef";
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Account(String name, String igUserId, String token, String videoUpload) {
        Path folder() {
            return WORK.resolve("watch").resolve(name);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        Map<String, String> settings = new LinkedHashMap<>(PipelineTestSettings.fastPipeline(WORK));
        settings.put("igpipe.sandbox.video-processing-delay", "300ms");
        settings.put("igpipe.api.bootstrap-key", API_KEY);
        settings.put("igpipe.posts.planner-default-quota", String.valueOf(PLANNER_QUOTA));
        List<Account> accounts = List.of(DEMO, STUDIO, BRAND, PLANNER);
        for (int i = 0; i < accounts.size(); i++) {
            String prefix = "igpipe.accounts[" + i + "].";
            settings.put(prefix + "name", accounts.get(i).name());
            settings.put(prefix + "ig-user-id", accounts.get(i).igUserId());
            settings.put(prefix + "access-token", accounts.get(i).token());
            settings.put(prefix + "video-upload", accounts.get(i).videoUpload());
        }
        settings.forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    GraphSandbox sandbox;

    @Autowired
    VideoTools videoTools;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private TestClips clips;

    @BeforeEach
    void clips() {
        clips = new TestClips(videoTools.status(), WORK.resolve("clips"));
    }

    @Test
    void aMixedCarouselWithDifferentRatiosIsOnePostWhoseChildrenShareTheFirstItemsRatio() throws Exception {
        Map<String, byte[]> items = new LinkedHashMap<>();
        items.put("01-portrait.jpg", TestPhotos.jpeg(TestPhotos.photo(1200, 1500, 11, false), 0.9f));
        items.put("02-landscape.jpg", TestPhotos.jpeg(TestPhotos.photo(1600, 900, 12, false), 0.9f));
        items.put("03-square.png", TestPhotos.png(TestPhotos.photo(1000, 1000, 13, false)));
        items.put("04-clip.mp4", clips.h264("carousel-clip", "640x360", 30, 3.5));
        items.put("05-tall.jpg", TestPhotos.jpeg(TestPhotos.photo(900, 1600, 15, false), 0.9f));
        dropCarousel(DEMO, "trip", items, """
                caption: "Five frames, one ratio #carousel-e2e"
                items:
                  01-portrait.jpg:
                    alt_text: The first frame
                """);

        JsonNode result = awaitOutcome(DEMO.folder(), "trip", ".published", ".result.json");

        SandboxSnapshot.MediaView post = onlyMediaWithCaption(DEMO, "Five frames, one ratio #carousel-e2e");
        assertThat(post.mediaType()).isEqualTo("CAROUSEL_ALBUM");
        assertThat(post.childIds()).hasSize(5);
        assertThat(result.get("mediaId").asText()).isEqualTo(post.id());
        SandboxSnapshot snapshot = sandbox.snapshot();
        SandboxSnapshot.ContainerView parent = snapshot.container(post.containerId()).orElseThrow();
        assertThat(parent.childIds()).hasSize(5);
        double firstRatio = 1200 / 1500.0;
        for (String childId : parent.childIds()) {
            SandboxSnapshot.ContainerView child = snapshot.container(childId).orElseThrow();
            assertThat(child.statusCode()).isIn(ContainerStatus.FINISHED, ContainerStatus.PUBLISHED);
            assertThat(child.caption()).as("caption on the parent only").isNull();
            double ratio = child.video() != null
                    ? child.video().facts().displayWidth() / (double) displayHeight(child.video().facts())
                    : child.image().width() / (double) child.image().height();
            assertThat(ratio).as("child %s ratio", childId).isCloseTo(firstRatio, within(0.01));
        }
        assertThat(parent.childIds().stream().map(id -> snapshot.container(id).orElseThrow().type()))
                .containsExactly(ContainerType.CAROUSEL_IMAGE_ITEM, ContainerType.CAROUSEL_IMAGE_ITEM,
                        ContainerType.CAROUSEL_IMAGE_ITEM, ContainerType.CAROUSEL_VIDEO_ITEM,
                        ContainerType.CAROUSEL_IMAGE_ITEM);
        assertThat(snapshot.container(parent.childIds().get(0)).orElseThrow().altText()).isEqualTo("The first frame");
        assertThat(DEMO.folder().resolve(".published/trip")).isDirectory();
        assertThat(DEMO.folder().resolve("trip")).doesNotExist();
        assertThat(ledgerRow(DEMO, "trip")).containsEntry("POST_TYPE", "CAROUSEL").containsEntry("STATE", "PUBLISHED");
    }

    @Test
    void aFourKLandscapeH264VideoBecomesAReelSentByVideoUrl() throws Exception {
        TestPhotos.drop(DEMO.folder(), "city-4k.txt", "4K city reel #reel-e2e".getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(DEMO.folder(), "city-4k.mp4", clips.h264("city-4k", "3840x2160", 30, 3.2));

        awaitOutcome(DEMO.folder(), "city-4k", ".published", ".result.json");

        SandboxSnapshot.MediaView reel = onlyMediaWithCaption(DEMO, "4K city reel #reel-e2e");
        assertThat(reel.mediaType()).isEqualTo("VIDEO");
        assertThat(reel.mediaProductType()).isEqualTo("REELS");
        SandboxSnapshot.ContainerView container = sandbox.snapshot().container(reel.containerId()).orElseThrow();
        assertThat(container.type()).isEqualTo(ContainerType.REELS);
        assertThat(container.video().resumable()).isFalse();
        assertThat(container.video().videoUrl()).contains("/media/");
        VideoFacts sent = container.video().facts();
        assertThat(sent.displayWidth()).isEqualTo(1920);
        assertThat(displayHeight(sent)).isEqualTo(1080);
        assertThat(sent.videoCodec()).isEqualTo("avc1");
        assertThat(sent.frameRate()).isCloseTo(30.0, within(0.1));
        assertThat(sent.audioCodec()).isEqualTo("mp4a");
        assertThat(sent.audioSampleRate()).isEqualTo(48_000);
        assertThat(sent.moovBeforeMdat()).isTrue();
        assertThat(ledgerRow(DEMO, "city-4k.mp4")).containsEntry("POST_TYPE", "REELS").containsEntry("MEDIA_TYPE", "VIDEO");
    }

    @Test
    void portraitHevcAndVp9ClipsBecomeReelsSentByResumableUpload() throws Exception {
        TestPhotos.drop(STUDIO.folder(), "portrait-hevc.txt", "HEVC portrait reel".getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(STUDIO.folder(), "portrait-hevc.cover.jpg",
                TestPhotos.jpeg(TestPhotos.photo(1080, 1920, 41, false), 0.9f));
        TestPhotos.drop(STUDIO.folder(), "portrait-hevc.mp4", clips.hevc("portrait-hevc", "720x1280", 30, 3.5));
        TestPhotos.drop(STUDIO.folder(), "portrait-vp9.yaml", ("caption: VP9 portrait reel\nshare_to_feed: false\n"
                + "thumb_offset: 1000\n").getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(STUDIO.folder(), "portrait-vp9.webm", clips.vp9("portrait-vp9", "720x1280", 30, 3.5));

        awaitOutcome(STUDIO.folder(), "portrait-hevc", ".published", ".result.json");
        awaitOutcome(STUDIO.folder(), "portrait-vp9", ".published", ".result.json");

        for (String caption : List.of("HEVC portrait reel", "VP9 portrait reel")) {
            SandboxSnapshot.MediaView reel = onlyMediaWithCaption(STUDIO, caption);
            assertThat(reel.mediaProductType()).isEqualTo("REELS");
            SandboxSnapshot.ContainerView container = sandbox.snapshot().container(reel.containerId()).orElseThrow();
            assertThat(container.video().resumable()).as("uploaded, not fetched").isTrue();
            assertThat(container.video().videoUrl()).isNull();
            VideoFacts sent = container.video().facts();
            assertThat(sent.displayWidth()).isEqualTo(720);
            assertThat(displayHeight(sent)).isEqualTo(1280);
            assertThat(sent.videoCodec()).isIn("avc1", "hvc1");
        }
        SandboxSnapshot.ContainerView hevcReel = sandbox.snapshot()
                .container(onlyMediaWithCaption(STUDIO, "HEVC portrait reel").containerId()).orElseThrow();
        assertThat(hevcReel.video().coverUrl()).as("name.cover.jpg is the reel's cover").contains("/media/");
        assertThat(STUDIO.folder().resolve(".published/portrait-hevc.cover.jpg")).exists();
        SandboxSnapshot.MediaView vp9Reel = onlyMediaWithCaption(STUDIO, "VP9 portrait reel");
        assertThat(vp9Reel.shareToFeed()).isFalse();
        SandboxSnapshot.ContainerView vp9Container = sandbox.snapshot().container(vp9Reel.containerId()).orElseThrow();
        assertThat(vp9Container.video().thumbOffsetMillis()).isEqualTo(1000L);
        VideoFacts vp9 = vp9Container.video().facts();
        assertThat(vp9.videoCodec()).as("VP9 is transcoded to H.264").isEqualTo("avc1");
        assertThat(vp9.audioCodec()).isEqualTo("mp4a");
        assertThat(sandbox.snapshot().calls(EndpointKind.RESUMABLE_UPLOAD)).filteredOn(call -> call.succeeded())
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aPhotoStoryAndAVideoStoryArePublishedFromTheStoriesFolder() throws Exception {
        Path stories = DEMO.folder().resolve("stories");
        TestPhotos.drop(stories, "morning.jpg", TestPhotos.jpeg(TestPhotos.photo(1600, 1200, 21, false), 0.9f));
        TestPhotos.drop(stories, "evening.mp4", clips.h264("evening", "720x1280", 30, 4));

        awaitOutcome(stories, "morning", ".published", ".result.json");
        awaitOutcome(stories, "evening", ".published", ".result.json");

        List<SandboxSnapshot.MediaView> published = sandbox.snapshot().publishedBy(DEMO.igUserId()).stream()
                .filter(media -> "STORY".equals(media.mediaProductType())).toList();
        assertThat(published).extracting(SandboxSnapshot.MediaView::mediaType).containsExactlyInAnyOrder("IMAGE", "VIDEO");
        assertThat(published).allSatisfy(story -> assertThat(story.caption()).isNull());
        SandboxSnapshot.MediaView photo = published.stream().filter(m -> m.mediaType().equals("IMAGE")).findFirst().orElseThrow();
        SandboxSnapshot.ContainerView photoContainer = sandbox.snapshot().container(photo.containerId()).orElseThrow();
        assertThat(photoContainer.image().width() / (double) photoContainer.image().height())
                .as("a landscape photo story is padded to 9:16").isCloseTo(9 / 16.0, within(0.01));
        assertThat(ledgerRow(DEMO, "morning.jpg")).containsEntry("POST_TYPE", "STORIES");
    }

    @Test
    void aCarouselChildInstagramRefusesIsRebuiltAloneAndTheCarouselPublishes() throws Exception {
        // the account's next container lands in ERROR: that is the carousel's first child
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).forAccount(BRAND.igUserId()).times(1)
                .containerOutcome(new ContainerOutcome(ContainerStatus.ERROR,
                        "Error: Media upload has failed with error code 2207082"))
                .build());
        Map<String, byte[]> items = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            items.put("0" + i + ".jpg", TestPhotos.jpeg(TestPhotos.photo(1080, 1080, 30 + i, false), 0.9f));
        }
        long createsBefore = createCalls(BRAND);
        dropCarousel(BRAND, "launch", items, "caption: One child rebuilt\n");

        awaitOutcome(BRAND.folder(), "launch", ".published", ".result.json");

        SandboxSnapshot.MediaView post = onlyMediaWithCaption(BRAND, "One child rebuilt");
        assertThat(post.childIds()).hasSize(3);
        List<Map<String, Object>> children = jdbc.sql("SELECT i.* FROM post_item i JOIN post p ON p.id = i.post_id "
                + "WHERE p.account = 'brand' AND p.original_name = 'launch' ORDER BY i.position").query().listOfRows();
        assertThat(children).extracting(row -> ((Number) row.get("CONTAINER_BUILDS")).intValue()).containsExactly(1, 0, 0);
        // 4 child containers (one rebuilt) and one parent: nothing else was built again
        assertThat(createCalls(BRAND) - createsBefore).isEqualTo(5);
    }

    @Test
    void aCarouselChildThatIsGoneWhenReadIsRebuiltAlone() throws Exception {
        // the account's next status read says the container no longer exists: that is the first child's
        sandbox.faults().add(FaultRule.on(EndpointKind.CONTAINER_STATUS).forAccount(BRAND.igUserId()).times(1)
                .error(24, 2207006).build());
        long createsBefore = createCalls(BRAND);
        Map<String, byte[]> items = new LinkedHashMap<>();
        for (int i = 1; i <= 2; i++) {
            items.put("0" + i + ".jpg", TestPhotos.jpeg(TestPhotos.photo(1080, 1350, 70 + i, false), 0.9f));
        }
        dropCarousel(BRAND, "gone-child", items, "caption: A child gone and rebuilt\n");

        awaitOutcome(BRAND.folder(), "gone-child", ".published", ".result.json");

        assertThat(onlyMediaWithCaption(BRAND, "A child gone and rebuilt").childIds()).hasSize(2);
        List<Map<String, Object>> children = jdbc.sql("SELECT i.* FROM post_item i JOIN post p ON p.id = i.post_id "
                + "WHERE p.account = 'brand' AND p.original_name = 'gone-child' ORDER BY i.position").query().listOfRows();
        assertThat(children).extracting(row -> ((Number) row.get("CONTAINER_BUILDS")).intValue()).containsExactly(1, 0);
        assertThat(createCalls(BRAND) - createsBefore).as("2 children, 1 rebuilt, 1 parent").isEqualTo(4);
    }

    @Test
    void aCarouselInstagramRefusesAsAWholeIsRebuiltOnceStrictly() throws Exception {
        // 2207024, invalid carousel: graph-api.md says rebuild it once from normalised children
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).forAccount(BRAND.igUserId()).times(1)
                .error(100, 2207024).build());
        long createsBefore = createCalls(BRAND);
        Map<String, byte[]> items = new LinkedHashMap<>();
        items.put("01.jpg", TestPhotos.jpeg(TestPhotos.photo(1200, 1200, 81, false), 0.9f));
        items.put("02.jpg", TestPhotos.jpeg(TestPhotos.photo(1600, 900, 82, false), 0.9f));
        dropCarousel(BRAND, "refused-once", items, "caption: Refused once, then rebuilt\n");

        awaitOutcome(BRAND.folder(), "refused-once", ".published", ".result.json");

        assertThat(onlyMediaWithCaption(BRAND, "Refused once, then rebuilt").childIds()).hasSize(2);
        assertThat(ledgerRow(BRAND, "refused-once")).containsEntry("MEDIA_RETRIES", 1)
                .containsEntry("OPTIMIZATION_PROFILE", "STRICT");
        assertThat(createCalls(BRAND) - createsBefore).as("the refused child, then 2 children and the parent")
                .isEqualTo(4);
    }

    @Test
    void aCarouselAndAReelSubmittedThroughTheApiArePublished() throws Exception {
        ApiTestClient api = new ApiTestClient(port);
        ApiTestClient.Reply carousel = api.postMultipart(API_KEY, new ApiTestClient.Multipart()
                .post("{\"account\":\"demo\",\"caption\":\"API carousel #api-e2e\","
                        + "\"items\":[{\"alt_text\":\"first\"},{}]}")
                .file("first.jpg", TestPhotos.jpeg(TestPhotos.photo(1000, 1250, 51, false), 0.9f))
                .file("second.mp4", clips.h264("api-carousel-clip", "640x360", 30, 3.5)), null);
        assertThat(carousel.status()).as(carousel.body()).isEqualTo(202);
        ApiTestClient.Reply reel = api.postMultipart(API_KEY, new ApiTestClient.Multipart()
                .post("{\"account\":\"studio\",\"type\":\"REELS\",\"caption\":\"API reel #api-e2e\","
                        + "\"share_to_feed\":false}")
                .file("reel.mp4", clips.h264("api-reel", "720x1280", 30, 3.5)), null);
        assertThat(reel.status()).as(reel.body()).isEqualTo(202);

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() ->
                "PUBLISHED".equals(api.get("/api/v1/posts/" + carousel.json().get("id").asText(), API_KEY)
                        .json().get("state").asText())
                        && "PUBLISHED".equals(api.get("/api/v1/posts/" + reel.json().get("id").asText(), API_KEY)
                        .json().get("state").asText()));

        SandboxSnapshot.MediaView album = onlyMediaWithCaption(DEMO, "API carousel #api-e2e");
        assertThat(album.mediaType()).isEqualTo("CAROUSEL_ALBUM");
        assertThat(album.childIds()).hasSize(2);
        SandboxSnapshot.MediaView apiReel = onlyMediaWithCaption(STUDIO, "API reel #api-e2e");
        assertThat(apiReel.mediaProductType()).isEqualTo("REELS");
        assertThat(apiReel.shareToFeed()).isFalse();
        assertThat(api.get("/api/v1/posts/" + carousel.json().get("id").asText(), API_KEY).json().get("mediaId")
                .asText()).isEqualTo(album.id());
    }

    @Test
    void aDaysScheduleOverTheQuotaIsWarnedAboutAndScheduledPostsCanBeCancelled() throws Exception {
        ApiTestClient api = new ApiTestClient(port);
        String publishAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusHours(2).withNano(0).toString();
        List<ApiTestClient.Reply> answers = new java.util.ArrayList<>();
        for (int i = 0; i <= PLANNER_QUOTA; i++) {
            answers.add(api.postMultipart(API_KEY, new ApiTestClient.Multipart()
                    .post("{\"account\":\"planner\",\"caption\":\"planned " + i + "\",\"publish_at\":\""
                            + publishAt + "\"}")
                    .file("planned-" + i + ".jpg", TestPhotos.jpeg(TestPhotos.photo(1080, 1080, 60 + i, false), 0.9f)),
                    null));
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(202));
        assertThat(answers.subList(0, PLANNER_QUOTA))
                .allSatisfy(answer -> assertThat(answer.json().get("warnings")).isEmpty());
        assertThat(answers.get(PLANNER_QUOTA).json().get("warnings").get(0).asText())
                .contains("planner").contains("over its publishing quota of " + PLANNER_QUOTA);
        assertThat(meters.counter("igpipe.schedule.over.quota", "account", "planner").count()).isEqualTo(1.0);

        for (ApiTestClient.Reply answer : answers) {
            String id = answer.json().get("id").asText();
            await().atMost(DEADLINE).until(() -> api.delete("/api/v1/posts/" + id, API_KEY).status() != 409);
            assertThat(api.get("/api/v1/posts/" + id, API_KEY).json().get("state").asText()).isEqualTo("CANCELLED");
        }
        await().atMost(DEADLINE).until(() -> jdbc.sql("SELECT COUNT(*) FROM post WHERE account = 'planner' "
                + "AND state = 'CANCELLED' AND archived_at IS NOT NULL").query(Integer.class).single() == answers.size());
        assertThat(sandbox.snapshot().calls(EndpointKind.CREATE_CONTAINER)).filteredOn(call ->
                PLANNER.igUserId().equals(call.igUserId())).as("nothing sent to Instagram").isEmpty();
    }

    private void dropCarousel(Account account, String name, Map<String, byte[]> items, String postYaml) throws IOException {
        // built aside and moved in whole, as a user copying a finished folder would
        Path staging = Files.createDirectories(account.folder().resolve(".staging-" + name));
        for (Map.Entry<String, byte[]> item : items.entrySet()) {
            Files.write(staging.resolve(item.getKey()), item.getValue());
        }
        Files.writeString(staging.resolve("post.yaml"), postYaml, StandardCharsets.UTF_8);
        Files.move(staging, account.folder().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private long createCalls(Account account) {
        return sandbox.snapshot().calls(EndpointKind.CREATE_CONTAINER).stream()
                .filter(call -> account.igUserId().equals(call.igUserId())).count();
    }

    private static int displayHeight(VideoFacts facts) {
        return facts.rotation() % 180 == 0 ? facts.height() : facts.width();
    }

    private SandboxSnapshot.MediaView onlyMediaWithCaption(Account account, String caption) {
        List<SandboxSnapshot.MediaView> media = sandbox.snapshot().publishedBy(account.igUserId()).stream()
                .filter(m -> caption.equals(m.caption())).toList();
        assertThat(media).as("media with caption '%s'", caption).hasSize(1);
        return media.get(0);
    }

    private Map<String, Object> ledgerRow(Account account, String originalName) {
        return jdbc.sql("SELECT * FROM post WHERE account = ? AND original_name = ?")
                .params(account.name(), originalName).query().singleRow();
    }

    private static JsonNode awaitOutcome(Path folder, String baseName, String outcomeFolder, String suffix)
            throws IOException {
        Path outcome = folder.resolve(outcomeFolder).resolve(baseName + suffix);
        Path failed = folder.resolve(".failed").resolve(baseName + ".error.json");
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(outcome) || (!outcomeFolder.equals(".failed") && Files.exists(failed)));
        if (!Files.exists(outcome)) {
            throw new AssertionError(baseName + " failed instead: " + Files.readString(failed));
        }
        return JSON.readTree(outcome.toFile());
    }
}
