package io.igpipe.media;

import static io.igpipe.media.OutputAssertions.assertColor;
import static io.igpipe.media.OutputAssertions.assertInstagramReady;
import static io.igpipe.media.OutputAssertions.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXIF orientation is applied and dropped: real camera-style JPEGs with every orientation value
 * (../shared/media/exif-orientation, skipped when absent), plus PNG eXIf and WebP EXIF.
 */
class ExifOrientationTest {

    private static final Path SHARED = Path.of("..", "shared", "media", "exif-orientation");
    /** Grid mean absolute difference below which two outputs show the same upright picture. */
    private static final double SAME_PICTURE = 6.0;

    private static ImageOptimizer optimizer;

    @TempDir
    static Path dir;

    @BeforeAll
    static void createOptimizer() {
        optimizer = new ImageOptimizer(ImageRules.defaults());
    }

    private static void assumeSharedMedia() {
        assumeTrue(Files.isDirectory(SHARED), "Skipping: " + SHARED.toAbsolutePath().normalize()
                + " is absent (real EXIF orientation photos from the shared media folder)");
    }

    private static OptimizedImage optimizeShared(String name) throws MediaRejectedException {
        return optimizer.optimize(SHARED.resolve(name + ".jpg"), dir.resolve(name + "-out.jpg"),
                OptimizationProfile.STANDARD);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Landscape_0", "Landscape_1", "Landscape_2", "Landscape_3", "Landscape_4",
            "Landscape_5", "Landscape_6", "Landscape_7", "Landscape_8"})
    void landscapeOutputIsUprightWhateverTheOrientation(String name) throws Exception {
        assumeSharedMedia();
        OptimizedImage reference = optimizeShared("Landscape_1");
        BufferedImage expected = assertInstagramReady(reference);

        OptimizedImage result = optimizeShared(name);

        BufferedImage output = assertInstagramReady(result);
        int orientation = name.charAt(name.length() - 1) - '0';
        assertThat(result.exifOrientation()).isEqualTo(orientation == 0 ? 1 : orientation);
        assertThat(result.width()).isEqualTo(reference.width()).isEqualTo(1440);
        assertThat(result.height()).isEqualTo(reference.height()).isEqualTo(960);
        assertThat(result.aspectFixApplied()).isNull();
        assertThat(ImageSimilarity.meanAbsoluteDifference(output, expected, 24, 16)).isLessThan(SAME_PICTURE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Portrait_1", "Portrait_3", "Portrait_6", "Portrait_8"})
    void portraitOutputIsUprightWhateverTheOrientation(String name) throws Exception {
        assumeSharedMedia();
        OptimizedImage reference = optimizeShared("Portrait_1");
        BufferedImage expected = assertInstagramReady(reference);

        OptimizedImage result = optimizeShared(name);

        BufferedImage output = assertInstagramReady(result);
        // 1200x1800 upright is 2:3, cropped to 4:5.
        assertThat(result.width()).isEqualTo(reference.width()).isEqualTo(1200);
        assertThat(result.height()).isEqualTo(reference.height()).isEqualTo(1500);
        assertThat(result.aspectFixApplied()).isEqualTo(AspectFix.CROP);
        assertThat(ImageSimilarity.meanAbsoluteDifference(output, expected, 16, 20)).isLessThan(SAME_PICTURE);
    }

    /** The similarity threshold means something: a mirrored picture is far above it. */
    @Test
    void mirroredPictureIsRecognisedAsDifferent() throws Exception {
        assumeSharedMedia();
        BufferedImage upright = assertInstagramReady(optimizeShared("Landscape_1"));
        BufferedImage mirrored = new BufferedImage(upright.getWidth(), upright.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) {
                mirrored.setRGB(upright.getWidth() - 1 - x, y, upright.getRGB(x, y));
            }
        }

        assertThat(ImageSimilarity.meanAbsoluteDifference(mirrored, upright, 24, 16)).isGreaterThan(3 * SAME_PICTURE);
    }

    @Test
    void inspectReportsStoredAndUprightSize() throws Exception {
        assumeSharedMedia();

        ImageFacts facts = optimizer.inspect(SHARED.resolve("Landscape_6.jpg"));

        assertThat(facts.format()).isEqualTo("JPEG");
        assertThat(facts.exifOrientation()).isEqualTo(6);
        assertThat(facts.width()).isEqualTo(1200);
        assertThat(facts.height()).isEqualTo(1800);
        assertThat(facts.displayWidth()).isEqualTo(1800);
        assertThat(facts.displayHeight()).isEqualTo(1200);
    }

    @Test
    void pngExifOrientationIsApplied() throws Exception {
        // Stored 600x400 with a red block at the top-left; orientation 8 turns it 90 degrees counter-clockwise.
        BufferedImage stored = SyntheticPhotos.photo(600, 400, 30);
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 150; x++) {
                stored.setRGB(x, y, 0xE01010);
            }
        }
        byte[] png = Files.readAllBytes(SyntheticPhotos.write(stored, "png", dir.resolve("stored.png")));
        Path source = Files.write(dir.resolve("turned.png"), PngChunks.insertAfterHeader(png, PngChunks.exif(8)));

        OptimizedImage result = optimizer.optimize(source, dir.resolve("turned-out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertThat(result.exifOrientation()).isEqualTo(8);
        // Upright 400x600, cropped to 400x500 (50 px off the top): the block is now bottom-left, rows 400..499.
        assertThat(result.width()).isEqualTo(400);
        assertThat(result.height()).isEqualTo(500);
        assertColor(ImageSimilarity.meanColor(output, 10, 410, 130, 80), 0xE0, 0x10, 0x10, 10, "red block");
        assertThat(ImageSimilarity.meanColor(output, 260, 10, 130, 80)[1]).as("no red block top-right")
                .isGreaterThan(60);
    }

    @Test
    void webpExifOrientationIsApplied() throws Exception {
        OptimizedImage result = optimizer.optimize(fixture("photo-exif-orientation-6.webp"),
                dir.resolve("webp-out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertThat(result.exifOrientation()).isEqualTo(6);
        assertThat(result.sourceWidth()).isEqualTo(600);
        assertThat(result.sourceHeight()).isEqualTo(400);
        // Upright 400x600, cropped to 400x500: the block is now top-right, rows 0..99.
        assertThat(result.width()).isEqualTo(400);
        assertThat(result.height()).isEqualTo(500);
        assertColor(ImageSimilarity.meanColor(output, 260, 10, 130, 80), 0xE0, 0x10, 0x10, 12, "red block");
        assertThat(ImageSimilarity.meanColor(output, 10, 10, 130, 80)[1]).as("no red block top-left")
                .isGreaterThan(60);
    }
}
