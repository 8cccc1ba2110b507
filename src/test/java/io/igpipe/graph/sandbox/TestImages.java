package io.igpipe.graph.sandbox;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Images made at run time, each a known case of what Instagram accepts or refuses. */
final class TestImages {

    private TestImages() {
    }

    static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg", 0.9f, false);
    }

    static byte[] progressiveJpeg(int width, int height) {
        return encode(picture(width, height), "jpeg", 0.9f, true);
    }

    static byte[] png(int width, int height) {
        return encode(picture(width, height), "png", null, false);
    }

    static byte[] gif(int width, int height) {
        return encode(picture(width, height), "gif", null, false);
    }

    /** Just enough of a WebP file for sniffing: the RIFF/WEBP header and a chunk of noise. */
    static byte[] webpHeader() {
        byte[] bytes = new byte[64];
        new Random(7).nextBytes(bytes);
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 8);
        return bytes;
    }

    /** Random noise at full quality compresses badly: a real JPEG bigger than 8 MiB. */
    static byte[] hugeJpeg() {
        int width = 2600;
        int height = 2000;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = random.nextInt(0x1000000);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        byte[] bytes = encode(image, "jpeg", 1.0f, false);
        if (bytes.length <= 8 * 1024 * 1024) {
            throw new IllegalStateException("noise JPEG came out at only " + bytes.length + " bytes");
        }
        return bytes;
    }

    static byte[] truncated(byte[] jpeg) {
        return Arrays.copyOf(jpeg, jpeg.length / 2);
    }

    /** Adds an Adobe APP14 segment (transform 1, YCbCr) after the JFIF header, as print tools write it. */
    static byte[] withAdobeMarker(byte[] jpeg) {
        byte[] segment = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1};
        return insertAfterApp0(jpeg, segment);
    }

    static byte[] withIccProfile(byte[] jpeg, int colorSpace) {
        byte[] profile = ICC_Profile.getInstance(colorSpace).getData();
        byte[] signature = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + signature.length + 2 + profile.length;
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        segment.write(0xFF);
        segment.write(0xE2);
        segment.write(length >> 8);
        segment.write(length & 0xFF);
        segment.writeBytes(signature);
        segment.write(1);
        segment.write(1);
        segment.writeBytes(profile);
        return insertAfterApp0(jpeg, segment.toByteArray());
    }

    static byte[] withIccProfile(byte[] jpeg) {
        return withIccProfile(jpeg, ColorSpace.CS_LINEAR_RGB);
    }

    /** A multi-picture (MPO) marker: JPEG framing, refused by Instagram. */
    static byte[] withMpfMarker(byte[] jpeg) {
        byte[] segment = {(byte) 0xFF, (byte) 0xE2, 0, 10, 'M', 'P', 'F', 0, 'I', 'I', 42, 0};
        return insertAfterApp0(jpeg, segment);
    }

    static byte[] html() {
        return ("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in to view this "
                + "image.</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insertAfterApp0(byte[] jpeg, byte[] segment) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        byte[] result = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, result, 0, at);
        System.arraycopy(segment, 0, result, at, segment.length);
        System.arraycopy(jpeg, at, result, at + segment.length, jpeg.length - at);
        return result;
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), width, height, new Color(250, 180, 40)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format, Float quality, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
