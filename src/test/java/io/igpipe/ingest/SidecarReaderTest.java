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
}
