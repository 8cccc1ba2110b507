package io.igpipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaKindTest {

    @TempDir
    Path dir;

    @Test
    void photosAndVideosAreToldApartByContentNotName() throws Exception {
        assertThat(MediaKind.of(file("photo.mp4", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}), "x"))
                .isEqualTo(MediaKind.IMAGE);
        assertThat(MediaKind.of(file("a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}), "x"))
                .isEqualTo(MediaKind.IMAGE);
        assertThat(MediaKind.of(file("a.webp", ascii("RIFF\0\0\0\0WEBPVP8 ")), "x")).isEqualTo(MediaKind.IMAGE);
        assertThat(MediaKind.of(file("clip.jpg", ascii("\0\0\0\u0018ftypisom\0\0\0\0")), "x")).isEqualTo(MediaKind.VIDEO);
        assertThat(MediaKind.of(file("clip.mov", ascii("\0\0\0\u0014ftypqt  \0\0\0\0")), "x")).isEqualTo(MediaKind.VIDEO);
        assertThat(MediaKind.of(file("clip.webm", new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0}), "x"))
                .isEqualTo(MediaKind.VIDEO);
    }

    @Test
    void heifIsNamedInItsRefusal() throws Exception {
        Path heic = file("still.jpg", ascii("\0\0\0\u0018ftypheic\0\0\0\0"));
        assertThatThrownBy(() -> MediaKind.of(heic, "still.jpg")).hasMessageContaining("HEIF");
    }

    @Test
    void textHeicAndEmptyFilesAreRefused() throws Exception {
        for (Path refused : new Path[] {file("page.jpg", ascii("<html><body>login</body></html>")),
                file("still.heic", ascii("\0\0\0\u0018ftypheic\0\0\0\0")), file("empty.mp4", new byte[0])}) {
            assertThatThrownBy(() -> MediaKind.of(refused, refused.getFileName().toString()))
                    .isInstanceOf(PostRejectedException.class)
                    .extracting(e -> ((PostRejectedException) e).getCode()).isEqualTo("INVALID_MEDIA_TYPE");
        }
    }

    @Test
    void theWatchFolderLetsThePhotoChecksNameWhatIsNotAVideo() throws Exception {
        assertThat(MediaKind.videoOrImage(file("notes.jpg", ascii("my notes, not a photo")), "notes.jpg"))
                .isEqualTo(MediaKind.IMAGE);
        assertThat(MediaKind.videoOrImage(file("clip.jpg", ascii("\0\0\0\u0018ftypisom\0\0\0\0")), "clip.jpg"))
                .isEqualTo(MediaKind.VIDEO);
    }

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
