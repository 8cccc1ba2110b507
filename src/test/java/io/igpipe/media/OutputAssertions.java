package io.igpipe.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Checks every optimized JPEG against what Instagram accepts, by parsing and decoding the real file. */
final class OutputAssertions {

    private OutputAssertions() {
    }

    /** Asserts the Instagram-facing invariants and returns the decoded output. */
    static BufferedImage assertInstagramReady(OptimizedImage result, double minRatio, double maxRatio, int maxWidth,
            long maxBytes) {
        try {
            Path file = result.target();
            assertThat(file).isRegularFile();
            assertThat(Files.size(file)).isEqualTo(result.bytes()).isLessThanOrEqualTo(maxBytes);
            JpegStructure jpeg = JpegStructure.of(file);
            assertThat(jpeg.frameMarker()).as("SOF0/SOF1 baseline, not progressive").isIn(0xC0, 0xC1);
            assertThat(jpeg.frameComponents()).as("3-component YCbCr").isEqualTo(3);
            assertThat(jpeg.hasJfif()).as("JFIF APP0").isTrue();
            assertThat(jpeg.hasExif()).as("no EXIF (so no orientation) in the output").isFalse();
            assertThat(jpeg.hasIccProfile()).as("untagged, i.e. sRGB").isFalse();
            assertThat(jpeg.hasAdobeMarker()).as("no Adobe colour transform marker").isFalse();
            assertThat(jpeg.frameWidth()).isEqualTo(result.width()).isLessThanOrEqualTo(maxWidth);
            assertThat(jpeg.frameHeight()).isEqualTo(result.height());
            double ratio = result.width() / (double) result.height();
            assertThat(ratio).as("aspect ratio %dx%d", result.width(), result.height()).isBetween(minRatio, maxRatio);
            BufferedImage decoded = read(file);
            assertThat(decoded.getColorModel().getColorSpace().isCS_sRGB()).isTrue();
            assertThat(decoded.getColorModel().getNumComponents()).isEqualTo(3);
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage assertInstagramReady(OptimizedImage result) {
        ImageRules rules = ImageRules.defaults();
        return assertInstagramReady(result, rules.minAspectRatio(), rules.maxAspectRatio(), rules.maxWidth(),
                rules.maxOutputBytes());
    }

    static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("ImageIO can read %s", file).isNotNull();
        return image;
    }

    /** A fixture under src/test/resources/media, as a file. */
    static Path fixture(String name) {
        URL url = OutputAssertions.class.getResource("/media/" + name);
        assertThat(url).as("fixture %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertColor(double[] actual, int r, int g, int b, double tolerance, String what) {
        assertThat(actual[0]).as("%s red of %s", what, describe(actual)).isCloseTo(r, within(tolerance));
        assertThat(actual[1]).as("%s green of %s", what, describe(actual)).isCloseTo(g, within(tolerance));
        assertThat(actual[2]).as("%s blue of %s", what, describe(actual)).isCloseTo(b, within(tolerance));
    }

    static String describe(double[] rgb) {
        return String.format("(%.0f, %.0f, %.0f)", rgb[0], rgb[1], rgb[2]);
    }
}
