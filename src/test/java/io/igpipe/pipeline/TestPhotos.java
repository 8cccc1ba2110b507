package io.igpipe.pipeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.igpipe.media.CmykJpegs;

/** Photograph-like test images made at run time: gradients, shapes and sensor-like noise, so sizes are realistic. */
public final class TestPhotos {

    private TestPhotos() {
    }

    public static BufferedImage photo(int width, int height, long seed, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] row = new int[width];
        float hue = random.nextFloat();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (255.0 * x / width);
                int g = (int) (255.0 * y / height);
                int b = (int) (128 + 127 * Math.sin((x + y) / 57.0 + hue * 6));
                int noise = random.nextInt(25) - 12;
                int a = alpha ? (x < width / 3 ? 0 : 255) : 255;
                row[x] = (a << 24) | (clamp(r + noise) << 16) | (clamp(g + noise) << 8) | clamp(b + noise);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < 12; i++) {
            graphics.setColor(Color.getHSBColor(random.nextFloat(), 0.7f, 0.9f));
            int size = Math.max(8, Math.min(width, height) / (3 + random.nextInt(6)));
            graphics.fillOval(width / 3 + random.nextInt(Math.max(1, width * 2 / 3 - size)),
                    random.nextInt(Math.max(1, height - size)), size, size);
        }
        graphics.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A JPEG whose stored raster is {@code image} and whose EXIF says to rotate it for display. */
    public static byte[] jpegWithExifOrientation(BufferedImage image, int orientation) throws IOException {
        byte[] jpeg = jpeg(image, 0.9f);
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);   // TIFF header, IFD at 8
        tiff.putShort((short) 1);                                               // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1)             // Orientation, SHORT, count 1
                .putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);                                                         // no next IFD
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);                                                  // SOI
        int length = exif.length + 2;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An Adobe-style CMYK JPEG (4 components, APP14 marker, no ICC profile), as print tools write them. */
    public static byte[] cmykJpeg(int width, int height, Path scratch) throws IOException {
        BufferedImage rgb = photo(width, height, 77, false);
        int[][][] ink = new int[height][width][];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pixel = rgb.getRGB(x, y);
                ink[y][x] = new int[] {255 - (pixel >> 16 & 0xFF), 255 - (pixel >> 8 & 0xFF), 255 - (pixel & 0xFF), 0};
            }
        }
        Path file = CmykJpegs.write(ink, false, Files.createTempFile(scratch, "cmyk", ".jpg"));
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    public static byte[] truncated(byte[] data) {
        return Arrays.copyOf(data, data.length / 2);
    }

    /** Writes the file the way a careful tool does (temp name, then rename), so it appears complete. */
    public static Path drop(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + name + ".part");
        Files.write(temp, content);
        return Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
