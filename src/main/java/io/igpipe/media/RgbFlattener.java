package io.igpipe.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;

/**
 * Turns whatever a reader decoded into opaque 8-bit RGB: transparent pixels are laid over the background colour
 * (never black), 16-bit samples become 8-bit, grey and palette images become RGB. RGB samples are kept as they
 * are; when they are not sRGB, {@link Flattened#samplesSpace()} names their colour space so they can be
 * converted after downscaling, on far fewer pixels.
 */
final class RgbFlattener {

    /**
     * @param image        opaque, either the decoded image itself (a standard sRGB type Java2D draws correctly)
     *                     or a new TYPE_INT_RGB
     * @param samplesSpace colour space of the RGB samples when it is not sRGB, else null
     */
    record Flattened(BufferedImage image, ICC_ColorSpace samplesSpace) {
    }

    private RgbFlattener() {
    }

    static Flattened flatten(BufferedImage decoded, int backgroundRgb) {
        ColorModel model = decoded.getColorModel();
        ColorSpace space = model.getColorSpace();
        if (space.isCS_sRGB() && isStandardType(decoded.getType())) {
            return new Flattened(model.hasAlpha() ? drawOver(decoded, backgroundRgb) : decoded, null);
        }
        boolean gray = space.getType() == ColorSpace.TYPE_GRAY && model.getNumColorComponents() == 1;
        boolean rgb = space.getType() == ColorSpace.TYPE_RGB && model.getNumColorComponents() == 3;
        boolean integerSamples = switch (model.getTransferType()) {
            case DataBuffer.TYPE_BYTE, DataBuffer.TYPE_USHORT, DataBuffer.TYPE_INT -> true;
            default -> false;
        };
        if ((gray || rgb) && integerSamples
                && (model instanceof ComponentColorModel || model instanceof DirectColorModel)) {
            ICC_ColorSpace samplesSpace = rgb && !space.isCS_sRGB() && space instanceof ICC_ColorSpace icc ? icc : null;
            return new Flattened(fromSamples(decoded, backgroundRgb), samplesSpace);
        }
        // Anything else (float samples, unusual colour spaces): let the colour model convert to sRGB.
        return new Flattened(fromArgb(decoded, backgroundRgb), null);
    }

    private static boolean isStandardType(int type) {
        return switch (type) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_INT_ARGB,
                    BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
                    BufferedImage.TYPE_4BYTE_ABGR_PRE, BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_BYTE_BINARY,
                    BufferedImage.TYPE_USHORT_565_RGB, BufferedImage.TYPE_USHORT_555_RGB -> true;
            default -> false;
        };
    }

    private static BufferedImage drawOver(BufferedImage image, int backgroundRgb) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(new Color(backgroundRgb));
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Reads the raw samples: grey is repeated into R, G and B as stored (no gamma change), alpha is composited. */
    private static BufferedImage fromSamples(BufferedImage image, int backgroundRgb) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        int bands = raster.getNumBands();
        int colorBands = model.getNumColorComponents();
        boolean alpha = model.hasAlpha() && bands > colorBands;
        boolean premultiplied = model.isAlphaPremultiplied();
        int[] max = new int[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (int) ((1L << model.getComponentSize(b)) - 1);
        }
        int bgR = (backgroundRgb >> 16) & 0xFF;
        int bgG = (backgroundRgb >> 8) & 0xFF;
        int bgB = backgroundRgb & 0xFF;

        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[width * bands];
        for (int y = 0; y < height; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
            int o = y * width;
            for (int x = 0, s = 0; x < width; x++, s += bands) {
                int r = to8(row[s], max[0]);
                int g = colorBands == 1 ? r : to8(row[s + 1], max[1]);
                int b = colorBands == 1 ? r : to8(row[s + 2], max[2]);
                if (alpha) {
                    int a = to8(row[s + colorBands], max[colorBands]);
                    if (a < 255) {
                        int inv = 255 - a;
                        if (premultiplied) {
                            r = Math.min(255, r + (bgR * inv + 127) / 255);
                            g = Math.min(255, g + (bgG * inv + 127) / 255);
                            b = Math.min(255, b + (bgB * inv + 127) / 255);
                        } else {
                            r = (r * a + bgR * inv + 127) / 255;
                            g = (g * a + bgG * inv + 127) / 255;
                            b = (b * a + bgB * inv + 127) / 255;
                        }
                    }
                }
                dst[o + x] = (r << 16) | (g << 8) | b;
            }
        }
        return out;
    }

    private static BufferedImage fromArgb(BufferedImage image, int backgroundRgb) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                dst[y * width + x] = over(row[x], backgroundRgb);
            }
        }
        return out;
    }

    private static int over(int argb, int backgroundRgb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb & 0xFFFFFF;
        }
        int inv = 255 - a;
        int r = (((argb >> 16) & 0xFF) * a + ((backgroundRgb >> 16) & 0xFF) * inv + 127) / 255;
        int g = (((argb >> 8) & 0xFF) * a + ((backgroundRgb >> 8) & 0xFF) * inv + 127) / 255;
        int b = ((argb & 0xFF) * a + (backgroundRgb & 0xFF) * inv + 127) / 255;
        return (r << 16) | (g << 8) | b;
    }

    private static int to8(int sample, int max) {
        if (max == 255) {
            return sample;
        }
        return (int) ((sample * 255L + max / 2) / max);
    }
}
