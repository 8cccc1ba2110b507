package io.igpipe.media;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an optimized photo must satisfy (Instagram feed image spec, graph-api.md section 5) and what igpipe is
 * willing to decode. Configuration, not code: an operator may tighten these.
 *
 * @param minWidth         narrowest accepted photo after EXIF orientation, px (320)
 * @param minHeight        lowest accepted photo after EXIF orientation, px (168: a 1.91:1 crop stays >= 320 wide)
 * @param maxWidth         the output is scaled down to at most this width, px; never scaled up (1440)
 * @param minAspectRatio   smallest width/height of the output (0.8 = 4:5)
 * @param maxAspectRatio   largest width/height of the output (1.91)
 * @param aspectFix        how a photo outside the ratio range is brought inside it (CROP)
 * @param padColor         colour of the bars added by {@link AspectFix#PAD} and of the background behind
 *                         transparent pixels, {@code #RRGGBB} ("#FFFFFF")
 * @param maxOutputBytes   largest optimized JPEG, bytes (8 MiB)
 * @param maxInputBytes    largest file accepted as input, bytes (100 MiB)
 * @param maxSourcePixels  decompression-bomb guard: most pixels a source header may declare (200,000,000)
 * @param maxSourceDimension longest side a source header may declare, px (30000)
 * @param jpegQuality      JPEG quality of the output, 0..1 (0.90); lowered only to meet maxOutputBytes
 */
public record ImageRules(int minWidth, int minHeight, int maxWidth,
        double minAspectRatio, double maxAspectRatio, AspectFix aspectFix, String padColor,
        long maxOutputBytes, long maxInputBytes, long maxSourcePixels,
        int maxSourceDimension, float jpegQuality) {

    private static final Pattern HEX_COLOR = Pattern.compile("#?[0-9a-fA-F]{6}");

    public ImageRules {
        Objects.requireNonNull(aspectFix, "aspectFix");
        Objects.requireNonNull(padColor, "padColor");
        require(minWidth >= 1 && minHeight >= 1, "minWidth and minHeight must be at least 1");
        require(maxWidth >= minWidth, "maxWidth must be at least minWidth");
        require(minAspectRatio > 0 && minAspectRatio <= maxAspectRatio,
                "minAspectRatio must be positive and not above maxAspectRatio");
        require(HEX_COLOR.matcher(padColor).matches(), "padColor must look like #RRGGBB, got " + padColor);
        require(maxOutputBytes >= 1024, "maxOutputBytes must be at least 1024");
        require(maxInputBytes >= 1, "maxInputBytes must be positive");
        require(maxSourcePixels >= (long) minWidth * minHeight, "maxSourcePixels must allow a minimum-size photo");
        require(maxSourceDimension >= Math.max(minWidth, minHeight), "maxSourceDimension must allow a minimum-size photo");
        require(jpegQuality > 0f && jpegQuality <= 1f, "jpegQuality must be in (0, 1]");
    }

    /** Instagram's current feed image spec with igpipe's input guards. */
    public static ImageRules defaults() {
        return new ImageRules(320, 168, 1440, 0.8, 1.91, AspectFix.CROP, "#FFFFFF",
                8L * 1024 * 1024, 100L * 1024 * 1024, 200_000_000L, 30_000, 0.90f);
    }

    public ImageRules withAspectFix(AspectFix fix) {
        return new ImageRules(minWidth, minHeight, maxWidth, minAspectRatio, maxAspectRatio, fix, padColor,
                maxOutputBytes, maxInputBytes, maxSourcePixels, maxSourceDimension, jpegQuality);
    }

    public ImageRules withMaxWidth(int width) {
        return new ImageRules(minWidth, minHeight, width, minAspectRatio, maxAspectRatio, aspectFix, padColor,
                maxOutputBytes, maxInputBytes, maxSourcePixels, maxSourceDimension, jpegQuality);
    }

    /** The same rules with the output ratio held to {@code [min, max]} (one value: exactly that ratio). */
    public ImageRules withAspectRange(double min, double max) {
        return new ImageRules(minWidth, minHeight, maxWidth, min, max, aspectFix, padColor,
                maxOutputBytes, maxInputBytes, maxSourcePixels, maxSourceDimension, jpegQuality);
    }

    public ImageRules withMaxOutputBytes(long bytes) {
        return new ImageRules(minWidth, minHeight, maxWidth, minAspectRatio, maxAspectRatio, aspectFix, padColor,
                bytes, maxInputBytes, maxSourcePixels, maxSourceDimension, jpegQuality);
    }

    /** {@link #padColor()} as 0xRRGGBB. */
    public int padRgb() {
        String hex = padColor.startsWith("#") ? padColor.substring(1) : padColor;
        return Integer.parseInt(hex, 16);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid image rules: " + message);
        }
    }
}
