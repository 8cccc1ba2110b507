package io.igpipe.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** An EXIF orientation (TIFF tag 0x0112): how the stored pixels must be turned to be seen upright. */
enum Orientation {
    /** 1: stored upright. */
    NORMAL(1),
    /** 2: mirrored left to right. */
    FLIP_HORIZONTAL(2),
    /** 3: upside down. */
    ROTATE_180(3),
    /** 4: mirrored top to bottom. */
    FLIP_VERTICAL(4),
    /** 5: mirrored across the main diagonal. */
    TRANSPOSE(5),
    /** 6: must be turned 90 degrees clockwise. */
    ROTATE_90_CW(6),
    /** 7: mirrored across the anti-diagonal. */
    TRANSVERSE(7),
    /** 8: must be turned 90 degrees counter-clockwise. */
    ROTATE_90_CCW(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    /** The orientation for an EXIF value; anything outside 1..8 (0 is common) counts as upright. */
    static Orientation ofExif(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    int exifValue() {
        return exifValue;
    }

    boolean swapsAxes() {
        return exifValue >= 5;
    }

    /** Turns an opaque TYPE_INT_RGB image upright; returns the same image for {@link #NORMAL}. */
    BufferedImage upright(BufferedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int sw = stored.getWidth();
        int sh = stored.getHeight();
        int dw = swapsAxes() ? sh : sw;
        int dh = swapsAxes() ? sw : sh;
        int[] src = ((DataBufferInt) stored.getRaster().getDataBuffer()).getData();
        BufferedImage upright = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) upright.getRaster().getDataBuffer()).getData();
        // For each upright pixel (x, y), the stored pixel is at src[base + x * stepX + y * stepY].
        int base;
        int stepX;
        int stepY;
        switch (this) {
            case FLIP_HORIZONTAL -> { base = sw - 1; stepX = -1; stepY = sw; }
            case ROTATE_180 -> { base = (sh - 1) * sw + sw - 1; stepX = -1; stepY = -sw; }
            case FLIP_VERTICAL -> { base = (sh - 1) * sw; stepX = 1; stepY = -sw; }
            case TRANSPOSE -> { base = 0; stepX = sw; stepY = 1; }
            case ROTATE_90_CW -> { base = (sh - 1) * sw; stepX = -sw; stepY = 1; }
            case TRANSVERSE -> { base = (sh - 1) * sw + sw - 1; stepX = -sw; stepY = -1; }
            case ROTATE_90_CCW -> { base = sw - 1; stepX = sw; stepY = -1; }
            default -> throw new IllegalStateException(name());
        }
        for (int y = 0, i = 0; y < dh; y++) {
            int p = base + y * stepY;
            for (int x = 0; x < dw; x++, i++, p += stepX) {
                dst[i] = src[p];
            }
        }
        return upright;
    }
}
