package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Carousels: image children first, then a parent naming 2 to 10 finished children, published as one post. */
class CarouselTest extends SandboxTestSupport {

    @Test
    void publishesACarouselAsOnePost() {
        String first = child().id();
        String second = child().id();
        finishProcessing();

        Answer parent = graph.postForm(V + SHOP + "/media", SHOP_TOKEN, "media_type", "CAROUSEL",
                "children", first + "," + second, "caption", "Two views", "collaborators", "ana");
        assertThat(parent.status()).as(parent.body()).isEqualTo(200);
        assertGraphError(publish(parent.id()), 9007, 2207027);
        finishProcessing();

        Answer published = publish(parent.id());

        assertThat(published.status()).as(published.body()).isEqualTo(200);
        SandboxSnapshot snapshot = sandbox.snapshot();
        SandboxSnapshot.MediaView album = snapshot.mediaById(published.id()).orElseThrow();
        assertThat(album.mediaType()).isEqualTo("CAROUSEL_ALBUM");
        assertThat(album.mediaProductType()).isEqualTo("FEED");
        assertThat(album.caption()).isEqualTo("Two views");
        assertThat(album.childIds()).hasSize(2);
        assertThat(snapshot.publishedBy(SHOP)).extracting(SandboxSnapshot.MediaView::id).containsExactly(album.id());
        assertThat(snapshot.quotaUsage(SHOP)).as("a carousel counts once").isEqualTo(1);
        assertThat(snapshot.container(first).orElseThrow().statusCode()).isEqualTo(ContainerStatus.PUBLISHED);
        assertThat(snapshot.container(parent.id()).orElseThrow().childIds()).containsExactly(first, second);

        JsonNode read = graph.get(V + published.id() + "?fields="
                + GraphTestClient.encode("media_type,children{id,media_type}"), SHOP_TOKEN)
                .json();
        assertThat(read.path("media_type").asText()).isEqualTo("CAROUSEL_ALBUM");
        assertThat(read.path("children").path("data")).hasSize(2);
        assertThat(read.path("children").path("data").get(0).path("media_type").asText()).isEqualTo("IMAGE");
        assertThat(graph.get(V + SHOP + "/content_publishing_limit", SHOP_TOKEN).json()
                .path("data").path(0).path("quota_usage").asInt()).isEqualTo(1);
    }

    @Test
    void takesChildrenAsAJsonArray() {
        String first = child().id();
        String second = child().id();
        finishProcessing();

        Answer parent = graph.postJson(V + SHOP + "/media", SHOP_TOKEN,
                "{\"media_type\":\"CAROUSEL\",\"children\":[\"" + first + "\",\"" + second + "\"]}");

        assertThat(parent.status()).as(parent.body()).isEqualTo(200);
    }

    @Test
    void needsTwoToTenChildren() {
        String only = child().id();
        finishProcessing();

        assertGraphError(carousel(List.of(only)), 100, 2207028);
        assertGraphError(graph.postForm(V + SHOP + "/media", SHOP_TOKEN, "media_type", "CAROUSEL"), 100, 2207028);
        List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "1780000000000000" + i).toList();
        assertGraphError(carousel(eleven), 100, 2207028);
    }

    @Test
    void needsFinishedChildrenOfTheSameAccount() {
        String first = child().id();
        String second = child().id();

        assertGraphError(carousel(List.of(first, second)), 9007, 2207027);

        finishProcessing();
        String foreign = graph.postForm(V + OTHER + "/media", OTHER_TOKEN, "image_url", origin.url("/landscape.jpg"),
                "is_carousel_item", "true").id();
        String standalone = createLandscape().id();
        finishProcessing();
        assertGraphError(carousel(List.of(first, foreign)), 24, 2207006);
        assertGraphError(carousel(List.of(first, standalone)), 100, null);
        assertThat(carousel(List.of(first, second)).status()).isEqualTo(200);
    }

    @Test
    void refusesParentOnlyParametersOnChildren() {
        Answer collaborators = child("collaborators", "ana");
        assertGraphError(collaborators, 100, null);
        assertThat(collaborators.error().path("message").asText())
                .isEqualTo("param collaborators is not allowed for carousel child");
        assertGraphError(child("caption", "no captions on children"), 100, null);
        assertGraphError(child("location_id", "110843418940484"), 100, null);
        assertThat(sandbox.snapshot().containers()).isEmpty();
    }

    @Test
    void doesNotPublishAChildOnItsOwn() {
        String first = child().id();
        finishProcessing();

        assertGraphError(publish(first), 100, 2207089);
        assertThat(sandbox.snapshot().media()).isEmpty();
    }

    private Answer child(String... extraFields) {
        return createImage(origin.url("/landscape.jpg"), concat(new String[] {"is_carousel_item", "true"},
                extraFields));
    }

    private Answer carousel(List<String> children) {
        return graph.postForm(V + SHOP + "/media", SHOP_TOKEN, "media_type", "CAROUSEL", "children",
                String.join(",", children));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
