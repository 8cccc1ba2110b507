package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A container's life: IN_PROGRESS, FINISHED, PUBLISHED, or EXPIRED, and what media_publish says at each step. */
class ContainerLifecycleTest extends SandboxTestSupport {

    @Test
    void goesFromInProgressToFinishedToPublished() {
        String containerId = createLandscape("caption", "Sunset #igpipe").id();

        Answer inProgress = containerStatus(containerId);
        assertThat(inProgress.json().path("status_code").asText()).isEqualTo("IN_PROGRESS");
        assertThat(inProgress.json().path("id").asText()).isEqualTo(containerId);

        finishProcessing();
        Answer finished = graph.get(V + containerId + "?fields=status_code,id", SHOP_TOKEN);
        assertThat(finished.body()).isEqualTo("{\"status_code\":\"FINISHED\",\"id\":\"" + containerId + "\"}");

        Answer published = publish(containerId);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        String mediaId = published.id();
        assertThat(mediaId).matches("\\d{17}").isNotEqualTo(containerId);
        assertThat(containerStatus(containerId).json().path("status_code").asText()).isEqualTo("PUBLISHED");

        SandboxSnapshot.MediaView media = sandbox.snapshot().mediaById(mediaId).orElseThrow();
        assertThat(media.caption()).isEqualTo("Sunset #igpipe");
        assertThat(media.mediaType()).isEqualTo("IMAGE");
        assertThat(media.mediaProductType()).isEqualTo("FEED");
        assertThat(media.containerId()).isEqualTo(containerId);
        assertThat(media.timestamp()).isEqualTo(clock.instant());
        assertThat(media.permalink()).isEqualTo("https://www.instagram.com/p/" + media.shortcode() + "/");
        assertThat(sandbox.snapshot().container(containerId).orElseThrow().publishedMediaId()).isEqualTo(mediaId);
    }

    @Test
    void showsOnlyRequestedFieldsWithIdLast() {
        String containerId = createLandscape().id();

        assertThat(graph.get(V + containerId, SHOP_TOKEN).body()).isEqualTo("{\"id\":\"" + containerId + "\"}");
        Answer statusOnly = graph.get(V + containerId + "?fields=status", SHOP_TOKEN);
        assertThat(statusOnly.body()).isEqualTo("{\"status\":\"In Progress: Media is still being processed.\","
                + "\"id\":\"" + containerId + "\"}");
        assertGraphError(graph.get(V + containerId + "?fields=status_code,colour", SHOP_TOKEN), 100, null);
    }

    @Test
    void refusesToPublishBeforeProcessingFinished() {
        String containerId = createLandscape().id();

        Answer early = publish(containerId);

        assertGraphError(early, 9007, 2207027);
        assertThat(early.error().path("message").asText()).isEqualTo("Media ID is not available");
        assertThat(early.error().path("error_user_msg").asText())
                .isEqualTo("The media is not ready for publishing, please wait for a moment");
        finishProcessing();
        assertThat(publish(containerId).status()).isEqualTo(200);
    }

    @Test
    void expiresUnpublishedContainersAfterTwentyFourHours() {
        String containerId = finishedContainer();

        clock.advance(Duration.ofHours(24));

        assertThat(containerStatus(containerId).json().path("status_code").asText()).isEqualTo("EXPIRED");
        Answer answer = publish(containerId);
        assertGraphError(answer, 24, 2207008);
        assertThat(sandbox.snapshot().media()).isEmpty();
    }

    @Test
    void publishesAContainerOnlyOnce() {
        String containerId = finishedContainer();
        assertThat(publish(containerId).status()).isEqualTo(200);

        Answer again = publish(containerId);

        assertGraphError(again, 24, 2207006);
        assertThat(again.error().path("message").asText()).isEqualTo("The media has already been published");
        assertThat(sandbox.snapshot().media()).hasSize(1);
    }

    @Test
    void refusesUnknownOrForeignContainers() {
        Answer unknown = publish("17999999999999999");
        assertGraphError(unknown, 24, 2207006);
        assertThat(unknown.error().path("message").asText()).isEqualTo("The media is not found");

        String otherContainer = graph.postForm(V + OTHER + "/media", OTHER_TOKEN, "image_url",
                origin.url("/landscape.jpg")).id();
        finishProcessing();
        assertGraphError(publish(otherContainer), 24, 2207006);
        assertGraphError(graph.get(V + otherContainer + "?fields=status_code", SHOP_TOKEN), 100, 33);
        assertGraphError(graph.postForm(V + SHOP + "/media_publish", SHOP_TOKEN), 100, null);
    }

    @Test
    void publishesStoriesAsStoryProduct() {
        String containerId = createLandscape("media_type", "STORIES").id();
        finishProcessing();

        String mediaId = publish(containerId).id();

        SandboxSnapshot.MediaView story = sandbox.snapshot().mediaById(mediaId).orElseThrow();
        assertThat(story.mediaType()).isEqualTo("IMAGE");
        assertThat(story.mediaProductType()).isEqualTo("STORY");
        assertThat(story.permalink()).startsWith("https://www.instagram.com/stories/igpipe_shop/");
    }
}
