package io.igpipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarReaderTest {

    private final SidecarReader reader = new SidecarReader();

    @TempDir
    Path dir;

    @Test
    void noSidecarMeansNoCaption() throws Exception {
        Sidecar sidecar = reader.read(photo("a.jpg"));
        assertThat(sidecar.path()).isNull();
        assertThat(sidecar.caption()).isNull();
    }

    @Test
    void textSidecarIsTheCaption() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Sunset over the bay #travel\n", StandardCharsets.UTF_8);
        Sidecar sidecar = reader.read(photo("a.jpg"));
        assertThat(sidecar.caption()).isEqualTo("Sunset over the bay #travel");
        assertThat(sidecar.path()).isEqualTo(dir.resolve("a.txt"));
    }

    @Test
    void yamlSidecarCarriesAllFields() throws Exception {
        Files.writeString(dir.resolve("b.yaml"), """
                caption: "Team day 🎉 @acme"
                alt_text: Five people on a beach
                location_id: "110843418940484"
                user_tags:
                  - username: jane.doe
                    x: 0.25
                    y: 0.5
                """);
        Sidecar sidecar = reader.read(photo("b.png"));
        assertThat(sidecar.caption()).isEqualTo("Team day 🎉 @acme");
        assertThat(sidecar.altText()).isEqualTo("Five people on a beach");
        assertThat(sidecar.locationId()).isEqualTo("110843418940484");
        assertThat(sidecar.userTagsJson()).isEqualTo("[{\"username\":\"jane.doe\",\"x\":0.25,\"y\":0.5}]");
    }

    @Test
    void unknownYamlKeyIsRejectedNotIgnored() throws Exception {
        Files.writeString(dir.resolve("c.yml"), "captoin: typo\n");
        assertThatThrownBy(() -> reader.read(photo("c.jpg")))
                .isInstanceOf(PostRejectedException.class)
                .hasMessageContaining("unknown key 'captoin'")
                .extracting(e -> ((PostRejectedException) e).getCode()).isEqualTo("SIDECAR_INVALID");
    }

    @Test
    void userTagOutsideTheImageIsRejected() throws Exception {
        Files.writeString(dir.resolve("d.yaml"), "user_tags:\n  - {username: bob, x: 1.5, y: 0.1}\n");
        assertThatThrownBy(() -> reader.read(photo("d.jpg"))).hasMessageContaining("between 0.0 and 1.0");
    }

    @Test
    void captionOverInstagramLimitsIsRejected() throws Exception {
        Files.writeString(dir.resolve("e.txt"), "x".repeat(2201));
        assertThatThrownBy(() -> reader.read(photo("e.jpg")))
                .extracting(e -> ((PostRejectedException) e).getCode()).isEqualTo("CAPTION_TOO_LONG");
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            tags.append("#tag").append(i).append(' ');
        }
        Files.writeString(dir.resolve("f.txt"), tags);
        assertThatThrownBy(() -> reader.read(photo("f.jpg"))).hasMessageContaining("31 hashtags");
    }

    @Test
    void twoSidecarsAreAmbiguous() throws Exception {
        Files.writeString(dir.resolve("g.txt"), "one");
        Files.writeString(dir.resolve("g.yaml"), "caption: two");
        assertThatThrownBy(() -> reader.read(photo("g.jpg"))).hasMessageContaining("more than one sidecar");
    }

    @Test
    void invalidYamlIsReported() throws Exception {
        Files.writeString(dir.resolve("h.yaml"), "caption: [unclosed");
        assertThatThrownBy(() -> reader.read(photo("h.jpg"))).hasMessageContaining("not valid YAML");
    }

    private Path photo(String name) throws Exception {
        return Files.write(dir.resolve(name), new byte[] {1, 2, 3});
    }

    @Test
    void yamlSidecarCarriesTypeScheduleAndReelFields() throws Exception {
        Files.writeString(dir.resolve("clip.yaml"), """
                type: stories
                publish_at: 2026-12-01T09:30:00+01:00
                collaborators: [jane.doe, acme]
                share_to_feed: false
                thumb_offset: 1500
                """);
        Sidecar sidecar = reader.read(photo("clip.mp4"));
        assertThat(sidecar.type()).isEqualTo(io.igpipe.ledger.PostType.STORIES);
        assertThat(sidecar.publishAt().toInstant()).isEqualTo(java.time.Instant.parse("2026-12-01T08:30:00Z"));
        assertThat(sidecar.collaborators()).containsExactly("jane.doe", "acme");
        assertThat(sidecar.shareToFeed()).isFalse();
        assertThat(sidecar.thumbOffsetMs()).isEqualTo(1500L);
    }

    @Test
    void publishAtWithoutAZoneIsRefused() throws Exception {
        Files.writeString(dir.resolve("d.yaml"), "publish_at: \"2026-12-01 09:30\"\n");
        assertThatThrownBy(() -> reader.read(photo("d.jpg")))
                .isInstanceOf(PostRejectedException.class)
                .extracting(e -> ((PostRejectedException) e).getCode()).isEqualTo("INVALID_SCHEDULE");
    }

    @Test
    void carouselPostYamlDescribesTheParentAndItsItems() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("trip"));
        Files.writeString(folder.resolve("post.yaml"), """
                caption: Our trip
                location_id: "110843418940484"
                items:
                  01.jpg:
                    alt_text: The beach
                    user_tags:
                      - {username: jane.doe, x: 0.1, y: 0.2}
                """);
        Sidecar sidecar = reader.readCarousel(folder.resolve("post.yaml"));
        assertThat(sidecar.caption()).isEqualTo("Our trip");
        assertThat(sidecar.items()).containsOnlyKeys("01.jpg");
        assertThat(sidecar.items().get("01.jpg").altText()).isEqualTo("The beach");
        assertThat(sidecar.items().get("01.jpg").userTagsJson()).contains("jane.doe");
        assertThat(reader.readCarousel(folder.resolve("missing.yaml")).caption()).isNull();
    }

    @Test
    void carouselPostYamlRefusesItemOnlyKeysAtTheTop() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("trip2"));
        Files.writeString(folder.resolve("post.yaml"), "alt_text: belongs to an item\n");
        assertThatThrownBy(() -> reader.readCarousel(folder.resolve("post.yaml")))
                .isInstanceOf(PostRejectedException.class).hasMessageContaining("unknown key 'alt_text'");
    }
}
