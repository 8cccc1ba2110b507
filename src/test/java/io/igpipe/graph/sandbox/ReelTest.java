package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reels by video_url: accepted at once, judged in the background, published as VIDEO / REELS. */
class ReelTest extends SandboxTestSupport {

    @Test
    void publishesAReelOnceItsVideoWasProcessed() {
        String video = serveVideo("reel.mp4", TestVideos.reel());
        Answer created = createVideo("REELS", video, "caption", "First reel #igpipe", "share_to_feed", "false",
                "audio_name", "Original tune", "location_id", "110843418940484", "collaborators", "ana",
                "user_tags", "[{\"username\":\"friend\"}]");
        assertThat(created.status()).as(created.body()).isEqualTo(200);

        assertThat(containerStatus(created.id()).json().path("status_code").asText()).isEqualTo("IN_PROGRESS");
        assertGraphError(publish(created.id()), 9007, 2207027);
        JsonNode status = videoVerdict(created.id());
        assertThat(status.path("status_code").asText()).as(status.toString()).isEqualTo("FINISHED");

        Answer published = publish(created.id());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonNode read = graph.get(V + published.id() + "?fields=media_type,media_product_type,caption,permalink,"
                + "media_url,sandbox_share_to_feed", SHOP_TOKEN).json();
        assertThat(read.path("media_type").asText()).isEqualTo("VIDEO");
        assertThat(read.path("media_product_type").asText()).isEqualTo("REELS");
        assertThat(read.path("caption").asText()).isEqualTo("First reel #igpipe");
        assertThat(read.path("permalink").asText()).startsWith("https://www.instagram.com/reel/");
        assertThat(read.path("media_url").asText()).endsWith(".mp4");
        assertThat(read.path("sandbox_share_to_feed").asBoolean(true)).isFalse();

        SandboxSnapshot.ContainerView container = sandbox.snapshot().container(created.id()).orElseThrow();
        assertThat(container.type()).isEqualTo(ContainerType.REELS);
        assertThat(container.collaborators()).containsExactly("ana");
        assertThat(container.userTags()).containsExactly(new UserTag("friend", null, null));
        assertThat(container.video().audioName()).isEqualTo("Original tune");
        assertThat(container.video().facts().sha256()).isEqualTo(Mp4Inspector.inspect(TestVideos.reel()).sha256());
        assertThat(origin.requests()).anySatisfy(r -> {
            assertThat(r.path()).endsWith("/reel.mp4");
            assertThat(r.userAgent()).isEqualTo(MediaFetcher.USER_AGENT);
        });
    }

    @Test
    void sharesToTheFeedUnlessToldNot() {
        String containerId = createVideo("REELS", serveVideo("reel.mp4", TestVideos.reel())).id();
        videoVerdict(containerId);

        String mediaId = publish(containerId).id();

        assertThat(sandbox.snapshot().mediaById(mediaId).orElseThrow().shareToFeed()).isTrue();
        assertThat(graph.get(V + mediaId + "?fields=sandbox_share_to_feed", SHOP_TOKEN).json()
                .path("sandbox_share_to_feed").asBoolean()).isTrue();
    }

    @Test
    void takesAJpegCoverAndRefusesAnythingElse() {
        String video = serveVideo("reel.mp4", TestVideos.reel());
        origin.serve("/reel-cover.png", 200, "image/png", TestImages.png(90, 160));

        String withCover = createVideo("REELS", video, "cover_url", origin.url("/landscape.jpg"),
                "thumb_offset", "999999").id();
        String pngCover = createVideo("REELS", video, "cover_url", origin.url("/reel-cover.png")).id();
        String missingCover = createVideo("REELS", video, "cover_url", origin.url("/no-such-cover.jpg")).id();

        assertThat(videoVerdict(withCover).path("status_code").asText())
                .as("cover_url wins over thumb_offset, which is then not checked").isEqualTo("FINISHED");
        assertVideoRefused(videoVerdict(pngCover), 2207005);
        assertVideoRefused(videoVerdict(missingCover), 2207052);
        assertThat(sandbox.snapshot().container(pngCover).orElseThrow().video().rejection()).startsWith("cover_url");
    }

    @Test
    void refusesAThumbOffsetOutsideTheVideoOnceItIsRead() {
        String video = serveVideo("reel.mp4", TestVideos.reel());

        Answer inside = createVideo("REELS", video, "thumb_offset", "1500");
        Answer pastTheEnd = createVideo("REELS", video, "thumb_offset", "4000");
        Answer negative = createVideo("REELS", video, "thumb_offset", "-1");

        assertThat(pastTheEnd.status()).as("the duration is not known at creation").isEqualTo(200);
        assertThat(videoVerdict(inside.id()).path("status_code").asText()).isEqualTo("FINISHED");
        assertVideoRefused(videoVerdict(pastTheEnd.id()), 2207057);
        assertVideoRefused(videoVerdict(negative.id()), 2207057);
        assertGraphError(publish(pastTheEnd.id()), 9007, 2207027);
    }

    @Test
    void reportsDownloadFailuresInTheStatus() {
        origin.serve("/reel-page.mp4", 200, "text/html", TestImages.html());

        Answer missing = createVideo("REELS", origin.url("/no-such-reel.mp4"));
        Answer page = createVideo("REELS", origin.url("/reel-page.mp4"));

        assertThat(missing.status()).as("a video is fetched after creation").isEqualTo(200);
        assertVideoRefused(videoVerdict(missing.id()), 2207077);
        assertVideoRefused(videoVerdict(page.id()), 2207052);
    }

    @Test
    void refusesAStandaloneVideoAtPublish() {
        String containerId = createVideo("VIDEO", serveVideo("reel.mp4", TestVideos.portraitFourByFive())).id();
        assertThat(videoVerdict(containerId).path("status_code").asText()).isEqualTo("FINISHED");

        assertGraphError(publish(containerId), 100, 2207089);
        assertThat(sandbox.snapshot().media()).isEmpty();
    }

    @Test
    void publishesAStoryVideo() {
        Answer created = createVideo("STORIES", serveVideo("story.mp4", TestVideos.reel()), "caption", "ignored");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(videoVerdict(created.id()).path("status_code").asText()).isEqualTo("FINISHED");

        String mediaId = publish(created.id()).id();

        SandboxSnapshot.MediaView story = sandbox.snapshot().mediaById(mediaId).orElseThrow();
        assertThat(story.mediaType()).isEqualTo("VIDEO");
        assertThat(story.mediaProductType()).isEqualTo("STORY");
        assertThat(story.caption()).as("stories take no caption").isNull();
        assertThat(story.permalink()).startsWith("https://www.instagram.com/stories/igpipe_shop/");
        assertThat(sandbox.snapshot().container(created.id()).orElseThrow().type())
                .isEqualTo(ContainerType.STORY_VIDEO);
    }
}
