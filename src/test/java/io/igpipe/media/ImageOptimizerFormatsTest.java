package io.igpipe.media;

import static io.igpipe.media.OutputAssertions.assertColor;
import static io.igpipe.media.OutputAssertions.assertInstagramReady;
import static io.igpipe.media.OutputAssertions.fixture;
import static io.igpipe.media.OutputAssertions.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every accepted input format and colour situation becomes a baseline sRGB JPEG with the right colours. */
class ImageOptimizerFormatsTest {

    private static ImageOptimizer optimizer;

    @TempDir
    Path dir;

    @BeforeAll
    static void createOptimizer() {
        optimizer = new ImageOptimizer(ImageRules.defaults());
    }

    @Test
    void twelveMegapixelJpegBecomes1440x1080BaselineSrgbJpeg() throws Exception {
        BufferedImage photo = SyntheticPhotos.photo(4000, 3000, 1);
        Path source = SyntheticPhotos.writeJpeg(photo, dir.resolve("camera.jpg"));

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        assertThat(result.width()).isEqualTo(1440);
        assertThat(result.height()).isEqualTo(1080);
        assertThat(result.sourceFormat()).isEqualTo("JPEG");
        assertThat(result.sourceWidth()).isEqualTo(4000);
        assertThat(result.sourceHeight()).isEqualTo(3000);
        assertThat(result.exifOrientation()).isEqualTo(1);
        assertThat(result.aspectFixApplied()).isNull();
        assertThat(result.jpegQuality()).isEqualTo(0.90f);
        assertThat(result.target()).isEqualTo(dir.resolve("out.jpg"));
        BufferedImage output = assertInstagramReady(result);
        assertThat(ImageSimilarity.meanAbsoluteDifference(output, photo, 32, 24)).isLessThan(3.0);
        assertThat(Files.list(dir)).as("no temporary files left behind")
                .containsExactlyInAnyOrder(source, dir.resolve("out.jpg"));
    }

    @Test
    void progressiveJpegBecomesBaseline() throws Exception {
        BufferedImage photo = SyntheticPhotos.photo(1200, 900, 2);
        Path source = SyntheticPhotos.writeJpeg(photo, dir.resolve("progressive.jpg"), 0.9f, true);
        assertThat(JpegStructure.of(source).frameMarker()).as("the source is progressive (SOF2)").isEqualTo(0xC2);

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertThat(result.width()).isEqualTo(1200);
        assertThat(ImageSimilarity.meanAbsoluteDifference(output, photo, 32, 24)).isLessThan(3.0);
    }

    /** Some cameras and editors leave junk before the end marker; the image data is complete, so it is accepted. */
    @Test
    void junkBeforeTheEndMarkerIsTolerated() throws Exception {
        BufferedImage photo = SyntheticPhotos.photo(1000, 750, 9);
        byte[] jpeg = Files.readAllBytes(SyntheticPhotos.writeJpeg(photo, dir.resolve("clean.jpg")));
        byte[] junk = new byte[jpeg.length + 7];
        System.arraycopy(jpeg, 0, junk, 0, jpeg.length - 2);
        junk[junk.length - 2] = (byte) 0xFF;
        junk[junk.length - 1] = (byte) 0xD9;
        Path source = Files.write(dir.resolve("junk.jpg"), junk);

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertThat(ImageSimilarity.meanAbsoluteDifference(output, photo, 32, 24)).isLessThan(3.0);
    }

    @Test
    void grayscaleJpegBecomesThreeComponentJpeg() throws Exception {
        BufferedImage gray = new BufferedImage(800, 600, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.drawImage(SyntheticPhotos.photo(800, 600, 3), 0, 0, null);
        g.dispose();
        Path source = SyntheticPhotos.writeJpeg(gray, dir.resolve("gray.jpg"));
        assertThat(JpegStructure.of(source).frameComponents()).isEqualTo(1);

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        // Drawing grey into RGB repeats the stored value; getRGB() on the grey image would lighten it instead.
        BufferedImage expected = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D e = expected.createGraphics();
        e.drawImage(gray, 0, 0, null);
        e.dispose();
        assertThat(ImageSimilarity.meanAbsoluteDifference(output, expected, 16, 12)).isLessThan(3.0);
    }

    @Test
    void transparentPngAreaBecomesWhiteNotBlack() throws Exception {
        BufferedImage photo = SyntheticPhotos.photo(1000, 800, 4);
        BufferedImage argb = new BufferedImage(1000, 800, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 1000; x++) {
                int argbValue;
                if (x < 300) {
                    argbValue = 0x00000000; // fully transparent black: shows as black when alpha is dropped
                } else if (x < 400) {
                    argbValue = 0x80FF0000; // half-transparent red
                } else {
                    argbValue = 0xFF000000 | photo.getRGB(x, y);
                }
                argb.setRGB(x, y, argbValue);
            }
        }
        Path source = SyntheticPhotos.write(argb, "png", dir.resolve("logo.png"));

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertThat(result.sourceFormat()).isEqualTo("PNG");
        assertThat(result.width()).isEqualTo(1000);
        assertColor(ImageSimilarity.meanColor(output, 20, 20, 260, 760), 255, 255, 255, 3, "transparent area");
        assertColor(ImageSimilarity.meanColor(output, 310, 20, 80, 760), 255, 128, 128, 6, "half-transparent red");
        BufferedImage opaqueOut = output.getSubimage(420, 0, 580, 800);
        BufferedImage opaqueIn = photo.getSubimage(420, 0, 580, 800);
        assertThat(ImageSimilarity.meanAbsoluteDifference(opaqueOut, opaqueIn, 16, 16)).isLessThan(3.0);
    }

    @ParameterizedTest(name = "16-bit RGB{0}")
    @ValueSource(booleans = {false, true})
    void sixteenBitPngIsReducedToEightBit(boolean alpha) throws Exception {
        ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        ComponentColorModel model = new ComponentColorModel(srgb, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(800, 600);
        int[][] colors = {{0xFFFF, 0x0000, 0x0000}, {0x8080, 0x8080, 0x8080}, {0x2020, 0x6060, 0xC0C0},
                {0xF0F0, 0xE0E0, 0x1010}};
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                int[] c = colors[x / 200];
                int a = alpha && y < 150 ? 0 : 0xFFFF;
                raster.setPixel(x, y, alpha ? new int[] {c[0], c[1], c[2], a} : c);
            }
        }
        BufferedImage image = new BufferedImage(model, raster, false, null);
        Path source = SyntheticPhotos.write(image, "png", dir.resolve("deep.png"));
        assertThat(Files.readAllBytes(source)[24]).as("PNG bit depth").isEqualTo((byte) 16);

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        for (int i = 0; i < colors.length; i++) {
            assertColor(ImageSimilarity.meanColor(output, i * 200 + 40, 300, 120, 200),
                    colors[i][0] >> 8, colors[i][1] >> 8, colors[i][2] >> 8, 4, "patch " + i);
        }
        if (alpha) {
            assertColor(ImageSimilarity.meanColor(output, 20, 20, 760, 100), 255, 255, 255, 3, "transparent rows");
        }
    }

    @Test
    void palettePngBecomesRgbWithTransparencyOnWhite() throws Exception {
        byte[] r = {(byte) 220, 20, 30, (byte) 240, 0};
        byte[] g = {20, (byte) 180, 60, (byte) 200, 0};
        byte[] b = {30, 40, (byte) 200, 20, 0};
        byte[] a = {(byte) 255, (byte) 255, (byte) 255, (byte) 255, 0};
        IndexColorModel palette = new IndexColorModel(8, 5, r, g, b, a);
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_BYTE_INDEXED, palette);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                raster.setSample(x, y, 0, y < 100 ? 4 : x / 200);
            }
        }
        Path source = SyntheticPhotos.write(image, "png", dir.resolve("palette.png"));
        assertThat(Files.readAllBytes(source)[25]).as("PNG colour type 3 (palette)").isEqualTo((byte) 3);

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        for (int i = 0; i < 4; i++) {
            assertColor(ImageSimilarity.meanColor(output, i * 200 + 40, 300, 120, 200), r[i] & 0xFF, g[i] & 0xFF,
                    b[i] & 0xFF, 4, "palette entry " + i);
        }
        assertColor(ImageSimilarity.meanColor(output, 20, 10, 760, 70), 255, 255, 255, 3, "transparent entry");
    }

    /** Grey is repeated into R, G and B as stored: Java's linear-grey colour space must not lighten it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"8-bit gray, 8, false", "16-bit gray, 16, false", "8-bit gray with alpha, 8, true"})
    void grayscalePngKeepsItsTones(String name, int bits, boolean alpha) throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                bits == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(800, 600);
        int[] tones = {32, 128, 220, 90};
        int scale = bits == 16 ? 257 : 1;
        int opaque = bits == 16 ? 0xFFFF : 0xFF;
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                int tone = tones[x / 200] * scale;
                raster.setPixel(x, y, alpha ? new int[] {tone, y < 100 ? 0 : opaque} : new int[] {tone});
            }
        }
        BufferedImage image = new BufferedImage(model, raster, false, null);
        Path source = SyntheticPhotos.write(image, "png", dir.resolve("gray.png"));

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        for (int i = 0; i < tones.length; i++) {
            assertColor(ImageSimilarity.meanColor(output, i * 200 + 40, 300, 120, 200), tones[i], tones[i], tones[i],
                    3, "tone " + tones[i]);
        }
        if (alpha) {
            assertColor(ImageSimilarity.meanColor(output, 20, 10, 760, 70), 255, 255, 255, 3, "transparent rows");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"photo-lossy-alpha.webp, 160", "photo-lossless-alpha.webp, 96"})
    void webpWithAlphaBecomesJpegOnWhite(String name, int transparentColumns) throws Exception {
        Path source = fixture(name);
        BufferedImage decoded = ImageIO.read(source.toFile());
        BufferedImage expected = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = expected.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, expected.getWidth(), expected.getHeight());
        g.drawImage(decoded, 0, 0, null);
        g.dispose();

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertThat(result.sourceFormat()).isEqualTo("WEBP");
        assertThat(result.width()).isEqualTo(decoded.getWidth());
        assertThat(result.height()).isEqualTo(decoded.getHeight());
        assertColor(ImageSimilarity.meanColor(output, 4, 4, transparentColumns - 12, output.getHeight() - 8),
                255, 255, 255, 3, "transparent columns");
        assertThat(ImageSimilarity.meanAbsoluteDifference(output, expected, 40, 30)).isLessThan(3.0);
    }

    /** Adobe-style CMYK and YCCK (inverted samples, no ICC profile) decode to the intended colours, not inverted. */
    @ParameterizedTest(name = "{0}, max width {1}")
    @CsvSource({"CMYK, 1440", "CMYK, 400", "YCCK, 1440", "YCCK, 400"})
    void cmykAndYcckJpegsKeepTheirColours(String kind, int maxWidth) throws Exception {
        int[][] inks = {
                {255, 0, 0, 0}, {0, 255, 0, 0}, {0, 0, 255, 0}, {0, 0, 0, 255},
                {0, 0, 0, 0}, {255, 255, 0, 0}, {0, 255, 255, 0}, {255, 0, 255, 0}};
        int[][][] pixels = new int[1000][1600][];
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 1600; x++) {
                pixels[y][x] = inks[(y / 500) * 4 + x / 400];
            }
        }
        Path source = CmykJpegs.write(pixels, kind.equals("YCCK"), dir.resolve(kind + ".jpg"));
        JpegStructure structure = JpegStructure.of(source);
        assertThat(structure.frameComponents()).isEqualTo(4);
        assertThat(structure.hasAdobeMarker()).isTrue();
        // 1600 px wide into 400: decoded with source subsampling 2 (1600 / (2 * 400))
        ImageOptimizer narrow = new ImageOptimizer(ImageRules.defaults().withMaxWidth(maxWidth));

        OptimizedImage result = narrow.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result, 0.8, 1.91, maxWidth, 8L << 20);
        assertThat(result.width()).isEqualTo(maxWidth);
        int cellW = output.getWidth() / 4;
        int cellH = output.getHeight() / 2;
        double[][] cells = new double[8][];
        for (int i = 0; i < 8; i++) {
            cells[i] = ImageSimilarity.meanColor(output, (i % 4) * cellW + cellW / 4, (i / 4) * cellH + cellH / 4,
                    cellW / 2, cellH / 2);
        }
        double[] cyan = cells[0];
        double[] magenta = cells[1];
        double[] yellow = cells[2];
        double[] black = cells[3];
        double[] white = cells[4];
        double[] blue = cells[5];
        double[] red = cells[6];
        double[] green = cells[7];
        assertThat(cyan[0]).as("cyan has little red " + OutputAssertions.describe(cyan)).isLessThan(90);
        assertThat(cyan[1]).isGreaterThan(120);
        assertThat(cyan[2]).isGreaterThan(180);
        assertThat(magenta[0]).as("magenta " + OutputAssertions.describe(magenta)).isGreaterThan(180);
        assertThat(magenta[1]).isLessThan(100);
        assertThat(magenta[2]).isGreaterThan(100);
        assertThat(yellow[0]).as("yellow " + OutputAssertions.describe(yellow)).isGreaterThan(200);
        assertThat(yellow[1]).isGreaterThan(190);
        assertThat(yellow[2]).isLessThan(100);
        assertThat(Math.max(black[0], Math.max(black[1], black[2]))).as("black " + OutputAssertions.describe(black))
                .isLessThan(70);
        assertThat(Math.min(white[0], Math.min(white[1], white[2]))).as("paper white " + OutputAssertions.describe(white))
                .isGreaterThan(235);
        assertThat(blue[2]).as("cyan + magenta is blue " + OutputAssertions.describe(blue))
                .isGreaterThan(blue[0] + 50).isGreaterThan(blue[1] + 50);
        assertThat(red[0]).as("magenta + yellow is red " + OutputAssertions.describe(red))
                .isGreaterThan(red[1] + 80).isGreaterThan(red[2] + 80);
        assertThat(green[1]).as("cyan + yellow is green " + OutputAssertions.describe(green))
                .isGreaterThan(green[0] + 50).isGreaterThan(green[2] + 30);
    }

    @Test
    void jpegWithAdobeRgbProfileIsConvertedToSrgb() throws Exception {
        ICC_ColorSpace adobeRgb = (ICC_ColorSpace) ColorSpaces.getColorSpace(ColorSpaces.CS_ADOBE_RGB_1998);
        int[][] raw = {{40, 200, 60}, {200, 80, 60}, {70, 90, 190}, {128, 128, 128}};
        Path source = dir.resolve("adobe-rgb.jpg");
        SyntheticPhotos.writeJpeg(patches(adobeRgb, raw), source, 0.95f, false);
        assertThat(JpegStructure.of(source).hasIccProfile()).as("the source embeds its ICC profile").isTrue();

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertPatchesConverted(output, adobeRgb, raw);
    }

    /** The JDK PNG reader ignores iCCP; the optimizer applies it. Linear RGB makes the difference unmistakable. */
    @Test
    void pngWithIccProfileChunkIsConvertedToSrgb() throws Exception {
        ICC_Profile linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB);
        ICC_ColorSpace linearSpace = new ICC_ColorSpace(linear);
        int[][] raw = {{64, 64, 64}, {200, 40, 30}, {20, 120, 40}, {30, 50, 160}};
        BufferedImage plain = new BufferedImage(800, 600, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                int[] c = raw[x / 200];
                plain.setRGB(x, y, (c[0] << 16) | (c[1] << 8) | c[2]);
            }
        }
        byte[] png = Files.readAllBytes(SyntheticPhotos.write(plain, "png", dir.resolve("plain.png")));
        Path source = Files.write(dir.resolve("linear.png"),
                PngChunks.insertAfterHeader(png, PngChunks.iccp("Linear RGB", linear.getData())));

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        BufferedImage output = assertInstagramReady(result);
        assertPatchesConverted(output, linearSpace, raw);
    }

    private static BufferedImage patches(ICC_ColorSpace space, int[][] raw) {
        ComponentColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(800, 600);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                raster.setPixel(x, y, raw[x / 200]);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** Each patch matches the colour management system's own sRGB rendering, and differs from the raw samples. */
    private static void assertPatchesConverted(BufferedImage output, ICC_ColorSpace space, int[][] raw) {
        double largestChange = 0;
        for (int i = 0; i < raw.length; i++) {
            float[] srgb = space.toRGB(new float[] {raw[i][0] / 255f, raw[i][1] / 255f, raw[i][2] / 255f});
            double[] actual = ImageSimilarity.meanColor(output, i * 200 + 40, 200, 120, 200);
            assertColor(actual, Math.round(srgb[0] * 255), Math.round(srgb[1] * 255), Math.round(srgb[2] * 255), 8,
                    "patch " + i);
            for (int c = 0; c < 3; c++) {
                largestChange = Math.max(largestChange, Math.abs(actual[c] - raw[i][c]));
            }
        }
        assertThat(largestChange).as("the conversion changed the samples noticeably").isGreaterThan(30);
    }

    @Test
    void pngContentNamedJpgIsReadAsPng() throws Exception {
        Path source = SyntheticPhotos.write(SyntheticPhotos.photo(640, 480, 5), "png", dir.resolve("really-a-png.jpg"));

        OptimizedImage result = optimizer.optimize(source, dir.resolve("out.jpg"), OptimizationProfile.STANDARD);

        assertThat(result.sourceFormat()).isEqualTo("PNG");
        assertInstagramReady(result);
    }

    @Test
    void existingTargetIsReplacedAndMissingFoldersAreCreated() throws Exception {
        Path source = SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(800, 600, 6), dir.resolve("in.jpg"));
        Path target = dir.resolve("store/nested/out.jpg");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old content");

        OptimizedImage result = optimizer.optimize(source, target, OptimizationProfile.STANDARD);

        assertInstagramReady(result);
        assertThat(read(target).getWidth()).isEqualTo(800);
        assertThat(Files.list(target.getParent())).containsExactly(target);
        Path fresh = dir.resolve("new-folder/out.jpg");
        assertInstagramReady(optimizer.optimize(source, fresh, OptimizationProfile.STANDARD));
    }

    @Test
    void inspectReadsTheHeaderWithoutOptimizing() throws Exception {
        byte[] jpeg = Files.readAllBytes(SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(900, 600, 7),
                dir.resolve("plain.jpg")));
        Path source = Files.write(dir.resolve("turned.jpeg"), ExifSegments.jpegWithOrientation(jpeg, 6));

        ImageFacts facts = optimizer.inspect(source);

        assertThat(facts).isEqualTo(new ImageFacts("JPEG", 900, 600, 6, Files.size(source)));
        assertThat(facts.displayWidth()).isEqualTo(600);
        assertThat(facts.displayHeight()).isEqualTo(900);
    }
}
