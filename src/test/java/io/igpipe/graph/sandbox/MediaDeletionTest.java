package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DELETE /{media-id}: posts, reels and carousels go; stories and single carousel children stay. */
class MediaDeletionTest extends SandboxTestSupport {

    @Test
    void deletesAFeedPost() {
        String mediaId = publish(finishedContainer("caption", "to delete")).id();

        Answer deleted = graph.delete(V + mediaId, SHOP_TOKEN);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"success\":true}");
        assertGraphError(graph.get(V + mediaId + "?fields=id", SHOP_TOKEN), 100, 33);
        assertThat(graph.get(V + SHOP + "/media", SHOP_TOKEN).json().path("data")).isEmpty();
        assertThat(sandbox.snapshot().mediaById(mediaId).orElseThrow().deletedAt()).isEqualTo(clock.instant());
        assertThat(sandbox.snapshot().publishedBy(SHOP)).isEmpty();
        assertThat(sandbox.snapshot().quotaUsage(SHOP)).as("the publish still counts").isEqualTo(1);
        assertThat(sandbox.snapshot().calls(EndpointKind.MEDIA_DELETE)).singleElement()
                .satisfies(call -> assertThat(call.succeeded()).isTrue());
        assertGraphError(graph.delete(V + mediaId, SHOP_TOKEN), 100, 33);
    }

    @Test
    void deletesAReel() {
        String containerId = createVideo("REELS", serveVideo("reel.mp4", TestVideos.reel())).id();
        videoVerdict(containerId);
        String mediaId = publish(containerId).id();

        assertThat(graph.delete(V + mediaId, SHOP_TOKEN).status()).isEqualTo(200);
        assertThat(sandbox.snapshot().publishedBy(SHOP)).isEmpty();
    }

    @Test
    void deletesACarouselWholeButNotOneOfItsChildren() {
        String first = createImage(origin.url("/landscape.jpg"), "is_carousel_item", "true").id();
        String second = createImage(origin.url("/landscape.jpg"), "is_carousel_item", "true").id();
        finishProcessing();
        String parent = graph.postForm(V + SHOP + "/media", SHOP_TOKEN, "media_type", "CAROUSEL", "children",
                String.join(",", List.of(first, second))).id();
        finishProcessing();
        String albumId = publish(parent).id();
        String childMediaId = sandbox.snapshot().mediaById(albumId).orElseThrow().childIds().get(0);

        assertGraphError(graph.delete(V + childMediaId, SHOP_TOKEN), 100, null);
        assertThat(graph.delete(V + albumId, SHOP_TOKEN).status()).isEqualTo(200);

        assertThat(sandbox.snapshot().mediaById(childMediaId).orElseThrow().deletedAt()).isNotNull();
    }

    @Test
    void refusesToDeleteAStory() {
        String mediaId = publish(finishedContainer("media_type", "STORIES")).id();

        Answer refused = graph.delete(V + mediaId, SHOP_TOKEN);

        assertGraphError(refused, 100, null);
        assertThat(refused.error().path("message").asText()).contains("stories cannot be deleted");
        assertThat(sandbox.snapshot().mediaById(mediaId).orElseThrow().deletedAt()).isNull();
    }

    @Test
    void answersUnknownAndForeignMediaAsMissing() {
        String mediaId = publish(finishedContainer()).id();

        assertGraphError(graph.delete(V + mediaId, OTHER_TOKEN), 100, 33);
        assertGraphError(graph.delete(V + "17999999999999999", SHOP_TOKEN), 100, 33);
        assertThat(sandbox.snapshot().publishedBy(SHOP)).hasSize(1);
    }
}
