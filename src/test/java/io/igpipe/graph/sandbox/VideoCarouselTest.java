package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Carousels mixing image and video children, and the fault rule that fails exactly one child. */
class VideoCarouselTest extends SandboxTestSupport {

    @Test
    void publishesImagesAndVideosAsOneAlbum() {
        String image = createImage(origin.url("/landscape.jpg"), "is_carousel_item", "true").id();
        String video = videoChild(serveVideo("child.mp4", TestVideos.portraitFourByFive())).id();
        assertGraphError(carousel(List.of(image, video)), 9007, 2207027);
        finishProcessing();
        assertThat(videoVerdict(video).path("status_code").asText()).isEqualTo("FINISHED");

        Answer parent = carousel(List.of(image, video));
        assertThat(parent.status()).as(parent.body()).isEqualTo(200);
        finishProcessing();
        Answer published = publish(parent.id());

        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonNode read = graph.get(V + published.id() + "?fields="
                + GraphTestClient.encode("media_type,children{media_type,media_product_type}"), SHOP_TOKEN).json();
        assertThat(read.path("media_type").asText()).isEqualTo("CAROUSEL_ALBUM");
        assertThat(read.path("children").path("data")).extracting(c -> c.path("media_type").asText())
                .containsExactly("IMAGE", "VIDEO");
        assertThat(sandbox.snapshot().quotaUsage(SHOP)).isEqualTo(1);
    }

    @Test
    void refusesAParentWhoseVideoChildFailed() {
        String image = createImage(origin.url("/landscape.jpg"), "is_carousel_item", "true").id();
        String tooWide = videoChild(serveVideo("wide.mp4", TestVideos.reel())).id();
        finishProcessing();
        assertVideoRefused(videoVerdict(tooWide), 2207085);

        assertGraphError(carousel(List.of(image, tooWide)), 9007, 2207027);
        assertThat(sandbox.snapshot().containers()).hasSize(2);
        assertThat(sandbox.snapshot().container(tooWide).orElseThrow().video().rejection())
                .as("9:16 is outside the legacy carousel range 4:5 to 16:9").contains("aspect ratio");
    }

    @Test
    void refusesParentOnlyParametersOnVideoChildren() {
        String video = serveVideo("child.mp4", TestVideos.portraitFourByFive());

        assertGraphError(videoChild(video, "collaborators", "ana"), 100, null);
        assertGraphError(videoChild(video, "caption", "no"), 100, null);
        assertThat(sandbox.snapshot().containers()).isEmpty();
    }

    @Test
    void failsExactlyTheChildTheFaultRuleNames() {
        String video = serveVideo("child.mp4", TestVideos.portraitFourByFive());
        String doomed = serveVideo("child-doomed.mp4", TestVideos.portraitFourByFive());
        sandbox.faults().add(FaultRuleJson.parse(GraphTestClient.JSON.valueToTree(Map.of(
                "endpoint", "CREATE_CONTAINER",
                "mediaUrlContains", "child-doomed",
                "containerOutcome", Map.of("status_code", "ERROR",
                        "status", "Error: Media upload has failed with error code 2207026")))));

        String first = videoChild(video).id();
        String failing = videoChild(doomed).id();
        String image = createImage(origin.url("/landscape.jpg"), "is_carousel_item", "true").id();
        finishProcessing();

        assertThat(videoVerdict(first).path("status_code").asText()).isEqualTo("FINISHED");
        assertVideoRefused(videoVerdict(failing), 2207026);
        assertThat(containerStatus(image).json().path("status_code").asText()).isEqualTo("FINISHED");
        assertThat(sandbox.snapshot().calls(EndpointKind.CREATE_CONTAINER)).extracting(CallRecord::faultRuleId)
                .containsExactly(null, "fault-1", null);
        assertThat(sandbox.faults().list()).as("used up").isEmpty();
    }

    @Test
    void failsOneImageChildByItsUrlFromJava() {
        origin.serveJpeg("/child-image-2.jpg", ImageOrigin.LANDSCAPE);
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).forMediaUrlContaining("child-image-2")
                .containerOutcome(ContainerOutcome.error("Error: Media upload has failed with error code 2207052"))
                .build());

        String kept = createImage(origin.url("/landscape.jpg"), "is_carousel_item", "true").id();
        String failed = createImage(origin.url("/child-image-2.jpg"), "is_carousel_item", "true").id();
        finishProcessing();

        assertThat(containerStatus(kept).json().path("status_code").asText()).isEqualTo("FINISHED");
        assertVideoRefused(containerStatus(failed).json(), 2207052);
    }

    private Answer videoChild(String videoUrl, String... extraFields) {
        String[] fields = Arrays.copyOf(new String[] {"is_carousel_item", "true"}, 2 + extraFields.length);
        System.arraycopy(extraFields, 0, fields, 2, extraFields.length);
        return createVideo("VIDEO", videoUrl, fields);
    }

    private Answer carousel(List<String> children) {
        return graph.postForm(V + SHOP + "/media", SHOP_TOKEN, "media_type", "CAROUSEL", "children",
                String.join(",", children));
    }
}
