package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /{ig-user-id}/media: parameter checks that need no image, and the container cap. */
class ContainerParametersTest extends SandboxTestSupport {

    @Override
    SandboxSettings.Builder customize(SandboxSettings.Builder settings) {
        return settings.containerCap(3);
    }

    @Test
    void requiresImageUrl() {
        Answer answer = graph.postForm(V + SHOP + "/media", SHOP_TOKEN, "caption", "no image");

        assertGraphError(answer, 100, null);
        assertThat(answer.error().path("message").asText()).contains("image_url");
    }

    @Test
    void acceptsParametersAsQueryStringFormOrJson() {
        String url = GraphTestClient.encode(origin.url("/landscape.jpg"));
        Answer query = graph.send(graph.request(V + SHOP + "/media?image_url=" + url + "&caption=q&access_token="
                + SHOP_TOKEN).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        Answer json = graph.postJson(V + SHOP + "/media", null, "{\"image_url\":\"" + origin.url("/landscape.jpg")
                + "\",\"caption\":\"j\",\"access_token\":\"" + SHOP_TOKEN + "\"}");
        Answer unversioned = graph.postForm("/" + SHOP + "/media", SHOP_TOKEN, "image_url",
                origin.url("/landscape.jpg"), "caption", "f");

        assertThat(query.status()).as(query.body()).isEqualTo(200);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(unversioned.status()).as(unversioned.body()).isEqualTo(200);
        assertThat(sandbox.snapshot().containers())
                .extracting(SandboxSnapshot.ContainerView::caption)
                .containsExactly("q", "j", "f");
    }

    @Test
    void limitsCaptionLength() {
        assertThat(createLandscape("caption", "a".repeat(2200)).status()).isEqualTo(200);

        Answer tooLong = createLandscape("caption", "a".repeat(2201));
        assertGraphError(tooLong, 36004, 2207010);
        assertThat(tooLong.error().path("error_user_msg").asText()).contains("2,200");
    }

    @Test
    void limitsHashtagsAndMentions() {
        assertThat(createLandscape("caption", tags("#tag", 30)).status()).isEqualTo(200);
        assertGraphError(createLandscape("caption", tags("#tag", 31)), 36004, 2207010);

        clock.advance(Duration.ofDays(2));
        assertThat(createLandscape("caption", tags("@friend", 20) + " write to shop@example.com").status())
                .isEqualTo(200);
        assertGraphError(createLandscape("caption", tags("@friend", 21)), 36004, 2207010);
    }

    @Test
    void limitsAltText() {
        Answer accepted = createLandscape("alt_text", "x".repeat(1000));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(sandbox.snapshot().container(accepted.id()).orElseThrow().altText()).hasSize(1000);

        Answer answer = createLandscape("alt_text", "x".repeat(1001));
        assertGraphError(answer, 100, null);
        assertThat(answer.error().path("message").asText()).contains("alt_text");
    }

    @Test
    void checksUserTags() {
        Answer tagged = createLandscape("user_tags", "[{\"username\":\"friend\",\"x\":0.5,\"y\":1.0}]");
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(sandbox.snapshot().container(tagged.id()).orElseThrow().userTags())
                .containsExactly(new UserTag("friend", 0.5, 1.0));

        for (String invalid : new String[] {
                "not json",
                "{\"username\":\"friend\"}",
                "[{\"x\":0.5,\"y\":0.5}]",
                "[{\"username\":\"friend\",\"x\":1.5,\"y\":0.5}]",
                "[{\"username\":\"friend\",\"x\":0.5}]"}) {
            Answer answer = createLandscape("user_tags", invalid);
            assertGraphError(answer, 100, null);
            assertThat(answer.error().path("message").asText()).as(invalid).contains("user_tags");
        }
    }

    @Test
    void checksCollaborators() {
        Answer three = createLandscape("collaborators", "[\"ana\",\"bo\",\"cy\"]");
        assertThat(three.status()).as(three.body()).isEqualTo(200);
        assertThat(sandbox.snapshot().container(three.id()).orElseThrow().collaborators())
                .containsExactly("ana", "bo", "cy");

        Answer leadingAt = createLandscape("collaborators", "ana,@bo");
        assertGraphError(leadingAt, 110, 2207018);

        assertGraphError(createLandscape("collaborators", "a,b,c,d"), 100, null);
    }

    @Test
    void refusesUnknownMediaTypes() {
        Answer answer = createLandscape("media_type", "PANORAMA");

        assertGraphError(answer, 100, 2207023);
    }

    @Test
    void checksVideoParametersBeforeAcceptingTheVideo() {
        String video = origin.url("/reel.mp4");
        assertGraphError(post("media_type", "REELS"), 100, null);
        assertGraphError(post("media_type", "VIDEO", "is_carousel_item", "true"), 100, null);
        Answer notHttp = post("media_type", "REELS", "video_url", "ftp://127.0.0.1/reel.mp4");
        assertGraphError(notHttp, 9004, 2207052);
        Answer reelChild = post("media_type", "REELS", "is_carousel_item", "true", "video_url", video);
        assertGraphError(reelChild, 100, null);
        assertThat(reelChild.error().path("message").asText()).contains("Reels cannot be carousel items");
        assertGraphError(post("media_type", "REELS", "video_url", video, "thumb_offset", "soon"), 100, null);
        assertGraphError(post("media_type", "REELS", "video_url", video, "share_to_feed", "maybe"), 100, null);
        Answer noImage = post("video_url", video);
        assertGraphError(noImage, 100, null);
        assertThat(noImage.error().path("message").asText()).as("IMAGE is the default media type")
                .contains("image_url");
        assertThat(sandbox.snapshot().containers()).isEmpty();
    }

    private Answer post(String... fields) {
        return graph.postForm(V + SHOP + "/media", SHOP_TOKEN, fields);
    }

    @Test
    void capsContainerCreationsPerRollingWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(createLandscape().status()).isEqualTo(200);
        }

        Answer capped = createLandscape();
        assertGraphError(capped, 4, null);
        assertThat(capped.error().path("message").asText()).isEqualTo("(#4) Application request limit reached");
        assertThat(capped.error().path("is_transient").asBoolean()).isFalse();
        assertThat(graph.postForm(V + OTHER + "/media", OTHER_TOKEN, "image_url", origin.url("/landscape.jpg"))
                .status()).as("the cap is per account").isEqualTo(200);

        clock.advance(Duration.ofHours(24));
        assertThat(createLandscape().status()).as("the oldest creations have aged out").isEqualTo(200);
    }

    private static String tags(String tag, int count) {
        StringBuilder caption = new StringBuilder("Caption");
        for (int i = 0; i < count; i++) {
            caption.append(' ').append(tag).append(i);
        }
        return caption.toString();
    }
}
