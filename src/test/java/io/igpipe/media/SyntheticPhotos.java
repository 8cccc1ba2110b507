package io.igpipe.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photograph-like test images made at run time: a sky gradient over rolling hills, a sun, soft-edged shapes,
 * fine texture and sensor-like noise. Unlike flat colour, they compress like real photos, so size limits and
 * quality steps behave realistically. Deterministic for a given seed.
 */
public final class SyntheticPhotos {

    private SyntheticPhotos() {
    }

    /** A TYPE_3BYTE_BGR photo-like image (3 bytes per pixel: a 100-megapixel one needs 300 MB of heap). */
    public static BufferedImage photo(int width, int height, long seed) {
        return photo(width, height, seed, 10);
    }

    /** As {@link #photo(int, int, long)} with the given noise amplitude (0 for none). */
    public static BufferedImage photo(int width, int height, long seed, int noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        long rng = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E5FL;
        double phase = (seed % 97) / 97.0 * Math.PI * 2;

        int[] horizon = new int[width];
        int[] columnTexture = new int[width];
        for (int x = 0; x < width; x++) {
            double u = x / (double) width;
            horizon[x] = (int) (height * (0.58 + 0.07 * Math.sin(u * 6.1 + phase) + 0.03 * Math.sin(u * 23.0 + 2 * phase)));
            columnTexture[x] = (int) (9 * Math.sin(x * 0.37 + phase) + 5 * Math.sin(x * 0.051));
        }
        int[] rowTexture = new int[height];
        for (int y = 0; y < height; y++) {
            rowTexture[y] = (int) (8 * Math.sin(y * 0.29 + phase) + 4 * Math.sin(y * 0.043));
        }
        // A sun and a few soft-edged shapes: centre x, centre y, radius, r, g, b (in pixels and 0..255).
        int shapes = 5;
        double[][] shape = new double[shapes][];
        long shapeRng = seed ^ 0x5DEECE66DL;
        for (int i = 0; i < shapes; i++) {
            shapeRng = next(shapeRng);
            double cx = ((shapeRng >>> 11) % 1000) / 1000.0 * width;
            shapeRng = next(shapeRng);
            double cy = (0.15 + ((shapeRng >>> 11) % 700) / 1000.0) * height;
            shapeRng = next(shapeRng);
            double radius = (0.04 + ((shapeRng >>> 11) % 100) / 1000.0) * Math.min(width, height);
            shapeRng = next(shapeRng);
            int color = (int) (shapeRng >>> 40);
            shape[i] = new double[] {cx, cy, radius, (color >> 16) & 0xFF, (color >> 8) & 0xFF, color & 0xFF};
        }

        int i = 0;
        for (int y = 0; y < height; y++) {
            double v = y / (double) height;
            for (int x = 0; x < width; x++) {
                int r;
                int g;
                int b;
                if (y < horizon[x]) {
                    r = (int) (70 + 120 * v);
                    g = (int) (110 + 100 * v);
                    b = (int) (200 + 40 * v);
                } else {
                    double depth = (y - horizon[x]) / (double) Math.max(1, height - horizon[x]);
                    int texture = columnTexture[x] + rowTexture[y];
                    r = (int) (60 + 70 * depth) + texture;
                    g = (int) (120 - 40 * depth) + texture;
                    b = (int) (40 + 20 * depth) + texture / 2;
                }
                for (double[] s : shape) {
                    double dx = x - s[0];
                    double dy = y - s[1];
                    double d2 = dx * dx + dy * dy;
                    double r2 = s[2] * s[2];
                    if (d2 < r2) {
                        double w = Math.min(1.0, (r2 - d2) / (r2 * 0.15));
                        r = (int) (r + (s[3] - r) * w);
                        g = (int) (g + (s[4] - g) * w);
                        b = (int) (b + (s[5] - b) * w);
                    }
                }
                if (noise > 0) {
                    rng = next(rng);
                    int n = (int) ((rng >>> 33) % (2 * noise + 1)) - noise;
                    r += n;
                    g += n;
                    b += n;
                }
                data[i++] = (byte) clamp(b);
                data[i++] = (byte) clamp(g);
                data[i++] = (byte) clamp(r);
            }
        }
        return image;
    }

    /** Writes a baseline (or progressive) JPEG with the JDK writer. */
    public static Path writeJpeg(BufferedImage image, Path file, float quality, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    public static Path writeJpeg(BufferedImage image, Path file) throws IOException {
        return writeJpeg(image, file, 0.92f, false);
    }

    public static Path write(BufferedImage image, String format, Path file) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("No ImageIO writer for " + format + " and " + image);
        }
        return file;
    }

    private static long next(long x) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(255, value);
    }
}
