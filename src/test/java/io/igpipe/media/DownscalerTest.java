package io.igpipe.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Downscaling averages areas: exact results on small known images, and the mean colour of photos is kept. */
class DownscalerTest {

    @Test
    void areaAverageWeighsPartlyCoveredPixels() {
        BufferedImage source = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, gray(0));
        source.setRGB(1, 0, gray(90));
        source.setRGB(2, 0, gray(180));

        BufferedImage out = Downscaler.scale(source, 2, 1);

        // Output 0 covers source [0, 1.5): (0 + 90 / 2) / 1.5 = 30; output 1 covers [1.5, 3): (45 + 180) / 1.5 = 150.
        assertThat(out.getRGB(0, 0) & 0xFF).isEqualTo(30);
        assertThat(out.getRGB(1, 0) & 0xFF).isEqualTo(150);
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        BufferedImage checker = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }

        BufferedImage out = Downscaler.scale(checker, 32, 32);

        // Nearest-neighbour would give pure black or white; averaging gives mid grey everywhere.
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertThat(out.getRGB(x, y) & 0xFFFFFF).isEqualTo(0x808080);
            }
        }
        assertThat(Downscaler.isPlainIntRgb(out)).isTrue();
    }

    private static BufferedImage photo;

    @BeforeAll
    static void createPhoto() {
        photo = SyntheticPhotos.photo(4000, 3000, 50);
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1440, 1000, 777, 320})
    void meanColourIsKept(int width) {
        int height = width * 3 / 4;

        BufferedImage out = Downscaler.scale(photo, width, height);

        assertThat(out.getWidth()).isEqualTo(width);
        assertThat(out.getHeight()).isEqualTo(height);
        double[] before = ImageSimilarity.meanColor(photo, 0, 0, 4000, 3000);
        double[] after = ImageSimilarity.meanColor(out, 0, 0, width, height);
        for (int c = 0; c < 3; c++) {
            assertThat(after[c]).isCloseTo(before[c], within(1.0));
        }
        assertThat(ImageSimilarity.meanAbsoluteDifference(out, photo, 40, 30)).isLessThan(1.5);
    }

    private static int gray(int v) {
        return (v << 16) | (v << 8) | v;
    }
}
