package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading back: the account's media list with paging, one media object, and the account itself. */
class MediaReadTest extends SandboxTestSupport {

    @Test
    void listsMediaNewestFirstWithRequestedFields() {
        String first = publishWithCaption("First light");
        clock.advance(Duration.ofMinutes(5));
        String second = publishWithCaption("Second #post");

        Answer list = graph.get(V + SHOP
                + "/media?fields=id,caption,media_type,media_product_type,timestamp,permalink", SHOP_TOKEN);

        assertThat(list.status()).isEqualTo(200);
        JsonNode data = list.json().path("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).path("id").asText()).isEqualTo(second);
        assertThat(data.get(0).path("caption").asText()).isEqualTo("Second #post");
        assertThat(data.get(0).path("media_type").asText()).isEqualTo("IMAGE");
        assertThat(data.get(0).path("media_product_type").asText()).isEqualTo("FEED");
        assertThat(data.get(0).path("timestamp").asText()).isEqualTo("2026-11-22T01:05:06+0000");
        assertThat(data.get(0).path("permalink").asText()).matches("https://www\\.instagram\\.com/p/[A-Za-z0-9_-]+/");
        assertThat(data.get(1).path("id").asText()).isEqualTo(first);
        assertThat(data.get(1).path("timestamp").asText()).isEqualTo("2026-11-22T01:00:03+0000");
        assertThat(list.json().path("paging").path("cursors").path("before").asText()).isNotEmpty();
        assertThat(list.json().has("paging") && list.json().path("paging").has("next")).isFalse();
    }

    @Test
    void pagesThroughTheListWithCursors() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(0, publishWithCaption("post " + i));
            clock.advance(Duration.ofMinutes(1));
        }

        List<String> seen = new ArrayList<>();
        Answer page = graph.get(V + SHOP + "/media?fields=id,caption&limit=2", SHOP_TOKEN);
        int pages = 1;
        page.json().path("data").forEach(m -> seen.add(m.path("id").asText()));
        while (page.json().path("paging").has("next")) {
            URI next = URI.create(page.json().path("paging").path("next").asText());
            assertThat(next.getQuery()).doesNotContain("access_token");
            page = graph.get(next.getRawPath() + "?" + next.getRawQuery(), SHOP_TOKEN);
            page.json().path("data").forEach(m -> seen.add(m.path("id").asText()));
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(published);
        assertThat(page.json().path("paging").has("previous")).isTrue();
    }

    @Test
    void readsOneMediaObject() {
        String mediaId = publishWithCaption("Single");

        Answer media = graph.get(V + mediaId + "?fields=id,caption,media_type,permalink,username,owner",
                SHOP_TOKEN);

        assertThat(media.status()).isEqualTo(200);
        assertThat(media.json().path("caption").asText()).isEqualTo("Single");
        assertThat(media.json().path("username").asText()).isEqualTo("igpipe_shop");
        assertThat(media.json().path("owner").path("id").asText()).isEqualTo(SHOP);
        assertThat(graph.get(V + mediaId, SHOP_TOKEN).body()).isEqualTo("{\"id\":\"" + mediaId + "\"}");
        assertGraphError(graph.get(V + mediaId + "?fields=caption", OTHER_TOKEN), 100, 33);
        assertThat(sandbox.snapshot().calls(EndpointKind.MEDIA_GET)).hasSize(3);
    }

    @Test
    void readsTheAccount() {
        publishWithCaption("counted");

        Answer me = graph.get(V + "me?fields=user_id,username", SHOP_TOKEN);
        Answer byId = graph.get(V + SHOP + "?fields=id,username,media_count", SHOP_TOKEN);

        assertThat(me.json().path("user_id").asText()).isEqualTo(SHOP);
        assertThat(me.json().path("username").asText()).isEqualTo("igpipe_shop");
        assertThat(me.json().path("id").asText()).isEqualTo(SHOP);
        assertThat(byId.body()).isEqualTo("{\"id\":\"" + SHOP + "\",\"username\":\"igpipe_shop\",\"media_count\":1}");
        assertThat(sandbox.snapshot().calls(EndpointKind.ME)).hasSize(2);
    }

    private String publishWithCaption(String caption) {
        String containerId = finishedContainer("caption", caption);
        Answer published = publish(containerId);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return published.id();
    }
}
