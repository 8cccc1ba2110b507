package io.igpipe.media;

import static io.igpipe.media.OutputAssertions.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files that cannot become an Instagram photo are rejected with a stable code and nothing is written. */
class ImageOptimizerRejectionTest {

    private final ImageOptimizer optimizer = new ImageOptimizer(ImageRules.defaults());

    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Path source, MediaErrorCode code) {
        Path target = dir.resolve("out/result.jpg");
        AbstractThrowableAssert<?, ? extends Throwable> rejection =
                assertThatThrownBy(() -> optimizer.optimize(source, target, OptimizationProfile.STANDARD))
                        .isInstanceOfSatisfying(MediaRejectedException.class, e -> assertThat(e.code()).isEqualTo(code));
        assertThat(target.getParent()).as("nothing written for a rejected photo").doesNotExist();
        return rejection;
    }

    @Test
    void textFileNamedJpgIsUnsupported() throws Exception {
        Path source = Files.writeString(dir.resolve("notes.jpg"), "Dear diary, today I took a photo.\n");

        assertRejected(source, MediaErrorCode.MEDIA_UNSUPPORTED_FORMAT)
                .hasMessage("notes.jpg is not an image igpipe recognises (its content matches no image format); "
                        + "igpipe accepts JPEG, PNG or WebP photos. Convert it to JPEG and drop it again.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gif, a GIF image", "bmp, a BMP image", "tiff, a TIFF image"})
    void otherImageFormatsAreUnsupported(String format, String described) throws Exception {
        BufferedImage photo = SyntheticPhotos.photo(640, 480, 20);
        // Named .jpg on purpose: the content decides.
        Path source = SyntheticPhotos.write(photo, format, dir.resolve("photo." + format + ".jpg"));

        assertRejected(source, MediaErrorCode.MEDIA_UNSUPPORTED_FORMAT)
                .hasMessageContaining("is " + described)
                .hasMessageContaining("igpipe accepts JPEG, PNG or WebP photos");
    }

    @Test
    void heicIsUnsupported() throws Exception {
        byte[] heic = new byte[64];
        byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1'};
        System.arraycopy(header, 0, heic, 0, header.length);
        Path source = Files.write(dir.resolve("IMG_0001.HEIC"), heic);

        assertRejected(source, MediaErrorCode.MEDIA_UNSUPPORTED_FORMAT)
                .hasMessageStartingWith("IMG_0001.HEIC is a HEIC/HEIF image; igpipe accepts JPEG, PNG or WebP");
    }

    @Test
    void truncatedJpegIsCorruptNotGreyPadded() throws Exception {
        byte[] jpeg = Files.readAllBytes(SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(1600, 1200, 21),
                dir.resolve("full.jpg")));
        Path source = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length * 6 / 10));

        assertThat(optimizer.inspect(source).width()).as("the header alone is fine").isEqualTo(1600);
        assertRejected(source, MediaErrorCode.MEDIA_CORRUPT)
                .hasMessageStartingWith("cut.jpg looks like a JPEG file but its image data is damaged or incomplete")
                .hasMessageEndingWith("copy or export the photo again.");
    }

    @Test
    void jpegCutInsideItsHeaderIsCorrupt() throws Exception {
        byte[] jpeg = Files.readAllBytes(SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(800, 600, 22),
                dir.resolve("full.jpg")));
        Path source = Files.write(dir.resolve("stub.jpg"), Arrays.copyOf(jpeg, 100));

        assertRejected(source, MediaErrorCode.MEDIA_CORRUPT);
    }

    @Test
    void truncatedPngIsCorrupt() throws Exception {
        byte[] png = Files.readAllBytes(SyntheticPhotos.write(SyntheticPhotos.photo(800, 600, 23), "png",
                dir.resolve("full.png")));
        Path source = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));

        assertRejected(source, MediaErrorCode.MEDIA_CORRUPT).hasMessageContaining("looks like a PNG file");
    }

    @Test
    void truncatedWebpIsCorrupt() throws Exception {
        byte[] webp = Files.readAllBytes(fixture("photo-lossless-alpha.webp"));
        Path source = Files.write(dir.resolve("cut.webp"), Arrays.copyOf(webp, webp.length * 7 / 10));

        assertRejected(source, MediaErrorCode.MEDIA_CORRUPT).hasMessageContaining("looks like a WebP file");
    }

    @Test
    void emptyFileIsCorrupt() throws Exception {
        Path source = Files.write(dir.resolve("empty.jpg"), new byte[0]);

        assertRejected(source, MediaErrorCode.MEDIA_CORRUPT).hasMessage("empty.jpg is empty (0 bytes). Copy the photo again.");
    }

    @Test
    void hugePngHeaderIsRejectedBeforeDecoding() throws Exception {
        // 100000 x 100000 px would need 40 GB decoded; the body holds 1 KB of zeros.
        Path source = Files.write(dir.resolve("bomb.png"), PngChunks.withHeaderOnly(100_000, 100_000));

        assertThatThrownBy(() -> optimizer.inspect(source))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(MediaErrorCode.MEDIA_DIMENSIONS_TOO_LARGE));
        assertRejected(source, MediaErrorCode.MEDIA_DIMENSIONS_TOO_LARGE)
                .hasMessage("bomb.png declares 100000x100000 px (10000.0 megapixels); igpipe decodes at most 200.0 "
                        + "megapixels and 30000 px per side. Resize it before dropping it.");
    }

    @Test
    void overlongJpegSideIsRejectedBeforeDecoding() throws Exception {
        byte[] jpeg = Files.readAllBytes(SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(400, 300, 24),
                dir.resolve("small.jpg")));
        // Rewrite SOF0 to claim 40000 x 1000 px: 40 megapixels, but one side over 30000.
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 5] = (byte) (1000 >> 8);
                jpeg[i + 6] = (byte) (1000 & 0xFF);
                jpeg[i + 7] = (byte) (40_000 >> 8);
                jpeg[i + 8] = (byte) (40_000 & 0xFF);
                break;
            }
        }
        Path source = Files.write(dir.resolve("long.jpg"), jpeg);

        assertRejected(source, MediaErrorCode.MEDIA_DIMENSIONS_TOO_LARGE).hasMessageContaining("40000x1000 px");
    }

    /** TwelveMonkeys' VP8 decoder holds the whole frame (about 32 bytes a pixel), so lossy WebP is capped by heap. */
    @Test
    void lossyWebpTooLargeForTheHeapIsRejectedBeforeDecoding() throws Exception {
        // With a 16 MiB heap, one lossy WebP decode may use 8 MiB: 262144 pixels. The fixture has 480000.
        ImageOptimizer smallHeap = new ImageOptimizer(ImageRules.defaults(), 16L << 20);

        assertThatThrownBy(() -> smallHeap.optimize(fixture("photo-lossy-alpha.webp"), dir.resolve("out.jpg"),
                OptimizationProfile.STANDARD))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(MediaErrorCode.MEDIA_DIMENSIONS_TOO_LARGE))
                .hasMessage("photo-lossy-alpha.webp is a lossy WebP of 800x600 px (0.5 megapixels); decoding one "
                        + "needs about 14.6 MiB of memory and this server allows lossy WebP up to 0.3 megapixels. "
                        + "Convert it to JPEG and drop it again.");
        // Lossless WebP decodes in bounded memory like JPEG and PNG: not capped.
        assertThat(smallHeap.optimize(fixture("photo-lossless-alpha.webp"), dir.resolve("lossless.jpg"),
                OptimizationProfile.STANDARD).width()).isEqualTo(480);
    }

    @Test
    void pixelCountAboveTheGuardIsRejected() throws Exception {
        Path source = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(1200, 1000, 25), dir.resolve("big.jpg"));
        ImageRules rules = new ImageRules(320, 168, 1440, 0.8, 1.91, AspectFix.CROP, "#FFFFFF",
                8L << 20, 100L << 20, 1_000_000L, 30_000, 0.9f);

        assertThatThrownBy(() -> new ImageOptimizer(rules).optimize(source, dir.resolve("out.jpg"),
                OptimizationProfile.STANDARD))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(MediaErrorCode.MEDIA_DIMENSIONS_TOO_LARGE))
                .hasMessageContaining("1200x1000 px (1.2 megapixels)");
    }

    @Test
    void fileOverTheInputLimitIsRejected() throws Exception {
        Path source = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(800, 600, 26), dir.resolve("big.jpg"));
        ImageRules rules = new ImageRules(320, 168, 1440, 0.8, 1.91, AspectFix.CROP, "#FFFFFF",
                8L << 20, 10_000, 200_000_000L, 30_000, 0.9f);

        assertThatThrownBy(() -> new ImageOptimizer(rules).optimize(source, dir.resolve("out.jpg"),
                OptimizationProfile.STANDARD))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(MediaErrorCode.MEDIA_FILE_TOO_LARGE))
                .hasMessageMatching("big\\.jpg is \\d+\\.\\d KiB; igpipe accepts photos up to 9\\.8 KiB\\. "
                        + "Export a smaller JPEG and drop it again\\.");
    }

    @Test
    void missingSourceIsAnIoProblemNotARejection() {
        assertThatThrownBy(() -> optimizer.optimize(dir.resolve("gone.jpg"), dir.resolve("out.jpg"),
                OptimizationProfile.STANDARD))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void rejectedPhotoLeavesAnExistingTargetUntouched() throws Exception {
        Path source = Files.write(dir.resolve("bad.png"), "not a png".getBytes(StandardCharsets.US_ASCII));
        Path target = Files.writeString(dir.resolve("previous.jpg"), "previous output");

        assertThatThrownBy(() -> optimizer.optimize(source, target, OptimizationProfile.STRICT))
                .isInstanceOf(MediaRejectedException.class);
        assertThat(target).hasContent("previous output");
        assertThat(Files.list(dir)).containsExactlyInAnyOrder(source, target);
    }
}
