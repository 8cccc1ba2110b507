package io.igpipe.media;

import static io.igpipe.media.OutputAssertions.assertColor;
import static io.igpipe.media.OutputAssertions.assertInstagramReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aspect-ratio fixes, scaling, the STRICT profile, the minimum size and the output size limit. */
class ImageOptimizerGeometryTest {

    private final ImageOptimizer optimizer = new ImageOptimizer(ImageRules.defaults());

    @TempDir
    Path dir;

    /** 3000x1000 in three vertical bands: red | green | blue, with a little noise. */
    private Path panorama() throws Exception {
        return SyntheticPhotos.writeJpeg(bands(3000, 1000, true, 0xC02020, 0x20A040, 0x2040C0), dir.resolve("pano.jpg"));
    }

    @Test
    void panoramaIsCentreCroppedToMaxRatio() throws Exception {
        OptimizedImage result = optimizer.optimize(panorama(), dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertThat(result.aspectFixApplied()).isEqualTo(AspectFix.CROP);
        assertThat(result.width()).isEqualTo(1440);
        assertThat(result.height()).isEqualTo(754);
        assertThat(result.width() / (double) result.height()).isBetween(1.90, 1.91);
        // Centre crop keeps x 545..2455 of 3000: the red band ends at (1000 - 545) / 1910 * 1440 = 343 px.
        assertColor(ImageSimilarity.meanColor(output, 300, 300, 30, 150), 0xC0, 0x20, 0x20, 12, "red band");
        assertColor(ImageSimilarity.meanColor(output, 360, 300, 30, 150), 0x20, 0xA0, 0x40, 12, "green band");
        assertColor(ImageSimilarity.meanColor(output, 1150, 300, 30, 150), 0x20, 0x40, 0xC0, 12, "blue band");
    }

    @Test
    void panoramaIsPaddedToMaxRatioWithPadColour() throws Exception {
        ImageRules rules = new ImageRules(320, 168, 1440, 0.8, 1.91, AspectFix.PAD, "#102030",
                8L << 20, 100L << 20, 200_000_000L, 30_000, 0.9f);

        OptimizedImage result = new ImageOptimizer(rules).optimize(panorama(), dir.resolve("out.jpg"),
                OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertThat(result.aspectFixApplied()).isEqualTo(AspectFix.PAD);
        assertThat(result.width()).isEqualTo(1440);
        assertThat(result.height()).isEqualTo(754);
        // The whole panorama, 1440x480, between bars of (754 - 480) / 2 = 137 px.
        assertColor(ImageSimilarity.meanColor(output, 0, 0, 1440, 130), 0x10, 0x20, 0x30, 4, "top bar");
        assertColor(ImageSimilarity.meanColor(output, 0, 624, 1440, 130), 0x10, 0x20, 0x30, 4, "bottom bar");
        assertColor(ImageSimilarity.meanColor(output, 40, 200, 380, 350), 0xC0, 0x20, 0x20, 12, "red third, all of it");
        assertColor(ImageSimilarity.meanColor(output, 1020, 200, 380, 350), 0x20, 0x40, 0xC0, 12, "blue third");
    }

    /** 1080x1920 in three horizontal bands: yellow / grey / purple. */
    private Path story() throws Exception {
        return SyntheticPhotos.writeJpeg(bands(1080, 1920, false, 0xE0C020, 0x808080, 0x602080), dir.resolve("story.jpg"));
    }

    @Test
    void nineBySixteenPortraitIsCroppedToFourByFive() throws Exception {
        OptimizedImage result = optimizer.optimize(story(), dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertThat(result.aspectFixApplied()).isEqualTo(AspectFix.CROP);
        assertThat(result.width()).isEqualTo(1080);
        assertThat(result.height()).isEqualTo(1350);
        // 285 px cut from the top: the yellow band (640 px) keeps 355 px.
        assertColor(ImageSimilarity.meanColor(output, 100, 300, 880, 40), 0xE0, 0xC0, 0x20, 12, "yellow band");
        assertColor(ImageSimilarity.meanColor(output, 100, 380, 880, 40), 0x80, 0x80, 0x80, 12, "grey band");
    }

    @Test
    void nineBySixteenPortraitIsPaddedToFourByFive() throws Exception {
        ImageOptimizer padding = new ImageOptimizer(ImageRules.defaults().withAspectFix(AspectFix.PAD));

        OptimizedImage result = padding.optimize(story(), dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertThat(result.aspectFixApplied()).isEqualTo(AspectFix.PAD);
        assertThat(result.width()).isEqualTo(1440);
        assertThat(result.height()).isEqualTo(1800);
        // Content 1013x1800 centred: white bars of 213 px left and right.
        assertColor(ImageSimilarity.meanColor(output, 0, 0, 205, 1800), 255, 255, 255, 3, "left bar");
        assertColor(ImageSimilarity.meanColor(output, 1235, 0, 205, 1800), 255, 255, 255, 3, "right bar");
        assertColor(ImageSimilarity.meanColor(output, 300, 100, 800, 300), 0xE0, 0xC0, 0x20, 12, "yellow band");
    }

    @Test
    void fourByFiveIsLeftAloneByStandardAndPulledInsideByStrict() throws Exception {
        Path source = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(1080, 1350, 8), dir.resolve("portrait.jpg"));

        OptimizedImage standard = optimizer.optimize(source, dir.resolve("standard.jpg"), OptimizationProfile.STANDARD);
        OptimizedImage strict = optimizer.optimize(source, dir.resolve("strict.jpg"), OptimizationProfile.STRICT);

        assertInstagramReady(standard);
        assertThat(standard.aspectFixApplied()).isNull();
        assertThat(standard.width()).isEqualTo(1080);
        assertThat(standard.height()).isEqualTo(1350);
        assertInstagramReady(strict, 0.81, 1.90, 1080, 8L << 20);
        assertThat(strict.aspectFixApplied()).isEqualTo(AspectFix.CROP);
        assertThat(strict.width()).isEqualTo(1080);
        assertThat(strict.height()).isEqualTo(1333);
        assertThat(strict.jpegQuality()).isEqualTo(0.85f);
    }

    @Test
    void strictProfileStaysWellInsideEveryLimit() throws Exception {
        Path wide = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(1910, 1000, 9), dir.resolve("wide.jpg"));
        Path large = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(4000, 3000, 10), dir.resolve("large.jpg"));

        OptimizedImage strictWide = optimizer.optimize(wide, dir.resolve("w.jpg"), OptimizationProfile.STRICT);
        OptimizedImage strictLarge = optimizer.optimize(large, dir.resolve("l.jpg"), OptimizationProfile.STRICT);

        assertInstagramReady(strictWide, 0.81, 1.90, 1080, 8L << 20);
        assertThat(strictWide.aspectFixApplied()).isEqualTo(AspectFix.CROP);
        assertInstagramReady(strictLarge, 0.81, 1.90, 1080, 8L << 20);
        assertThat(strictLarge.width()).isEqualTo(1080);
        assertThat(strictLarge.height()).isEqualTo(810);
        assertThat(strictLarge.jpegQuality()).isEqualTo(0.85f);
    }

    @Test
    void smallPhotoIsNeverUpscaled() throws Exception {
        Path source = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(400, 300, 11), dir.resolve("small.jpg"));

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        assertInstagramReady(result);
        assertThat(result.width()).isEqualTo(400);
        assertThat(result.height()).isEqualTo(300);
    }

    @Test
    void tooNarrowPhotoIsRejected() throws Exception {
        Path source = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(200, 150, 12), dir.resolve("photo.jpg"));

        assertThatThrownBy(() -> optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(MediaErrorCode.MEDIA_TOO_SMALL))
                .hasMessage("photo.jpg is 200x150 px; Instagram needs at least 320x168 px. Use a larger original.");
        assertThat(dir.resolve("out.jpg")).doesNotExist();
    }

    @Test
    void tooLowPhotoIsRejected() throws Exception {
        Path source = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(1000, 120, 13), dir.resolve("strip.jpg"));

        assertThatThrownBy(() -> optimizer.inspect(source))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(MediaErrorCode.MEDIA_TOO_SMALL))
                .hasMessageContaining("1000x120 px")
                .hasMessageContaining("at least 168 px high");
    }

    @Test
    void minimumSizeIsCheckedAfterOrientation() throws Exception {
        // Stored 400x300 (wide enough), but EXIF 6 makes it 300x400 upright: too narrow.
        byte[] jpeg = Files.readAllBytes(SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(400, 300, 14),
                dir.resolve("plain.jpg")));
        Path source = Files.write(dir.resolve("turned.jpg"), ExifSegments.jpegWithOrientation(jpeg, 6));

        assertThatThrownBy(() -> optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(MediaErrorCode.MEDIA_TOO_SMALL))
                .hasMessageContaining("300x400 px")
                .hasMessageContaining("at least 320 px wide");
    }

    @Test
    void qualityIsLoweredToMeetTheSizeLimit() throws Exception {
        Path source = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(2000, 1500, 15, 30), dir.resolve("noisy.jpg"));
        OptimizedImage unlimited = optimizer.optimize(source, dir.resolve("unlimited.jpg"), OptimizationProfile.STANDARD);
        long limit = unlimited.bytes() * 7 / 10;
        ImageOptimizer limited = new ImageOptimizer(ImageRules.defaults().withMaxOutputBytes(limit));

        OptimizedImage result = limited.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        assertInstagramReady(result, 0.8, 1.91, 1440, limit);
        assertThat(result.width()).isEqualTo(1440);
        assertThat(result.jpegQuality()).isLessThan(0.90f).isGreaterThanOrEqualTo(0.5f);
    }

    @Test
    void sizeIsReducedWhenQualityAloneIsNotEnough() throws Exception {
        Path source = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(2000, 1500, 16, 30), dir.resolve("noisy.jpg"));
        ImageOptimizer limited = new ImageOptimizer(ImageRules.defaults().withMaxOutputBytes(60_000));

        OptimizedImage result = limited.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        assertInstagramReady(result, 0.8, 1.91, 1440, 60_000);
        assertThat(result.jpegQuality()).isEqualTo(0.5f);
        assertThat(result.width()).isLessThan(1440).isGreaterThanOrEqualTo(320);
    }

    @Test
    void impossibleSizeLimitIsRejected() throws Exception {
        Path source = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(2000, 1500, 17, 30), dir.resolve("noisy.jpg"));
        ImageOptimizer limited = new ImageOptimizer(ImageRules.defaults().withMaxOutputBytes(2048));

        assertThatThrownBy(() -> limited.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(MediaErrorCode.MEDIA_CANNOT_MEET_SIZE_LIMIT))
                .hasMessageStartingWith("noisy.jpg cannot be compressed to 2.0 KiB: even at JPEG quality 0.50 and 320x240 px");
        assertThat(Files.list(dir)).containsExactly(source);
    }

    /** Three equal bands of flat colour plus mild noise, left to right or top to bottom. */
    private static BufferedImage bands(int width, int height, boolean vertical, int... colors) {
        BufferedImage noise = SyntheticPhotos.photo(width, height, 99, 6);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int band = vertical ? x * colors.length / width : y * colors.length / height;
                int n = ((noise.getRGB(x, y) & 0xFF) % 7) - 3;
                int c = colors[band];
                int r = clamp(((c >> 16) & 0xFF) + n);
                int g = clamp(((c >> 8) & 0xFF) + n);
                int b = clamp((c & 0xFF) + n);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
