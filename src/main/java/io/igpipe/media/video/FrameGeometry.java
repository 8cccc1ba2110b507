package io.igpipe.media.video;

import io.igpipe.media.AspectFix;

/**
 * The picture a re-encoded video gets, computed in Java so the outcome is known before ffmpeg runs: the aspect
 * ratio is brought to the requested one (or inside the allowed range) by centre-cropping or padding, then the frame
 * is scaled down to the maximum width with even sides (4:2:0 needs them). Works on the display size: ffmpeg rotates
 * the pixels upright before any filter runs.
 *
 * @param width    output width, px, even
 * @param height   output height, px, even
 * @param filter   the ffmpeg filters producing that picture from the upright source
 * @param fixed    CROP or PAD when the aspect ratio was changed, null when it was kept
 */
public record FrameGeometry(int width, int height, String filter, AspectFix fixed) {

    /**
     * @param displayWidth      upright source width
     * @param displayHeight     upright source height
     * @param targetAspectRatio a ratio the output must have exactly (carousel), or null
     * @param padColor          {@code #RRGGBB} of PAD's bars
     */
    static FrameGeometry plan(int displayWidth, int displayHeight, Double targetAspectRatio, VideoRules rules,
            AspectFix fix, String padColor) {
        double ratio = (double) displayWidth / displayHeight;
        Double wanted = targetAspectRatio != null ? targetAspectRatio
                : ratio < rules.minAspectRatio() ? Double.valueOf(rules.minAspectRatio())
                : ratio > rules.maxAspectRatio() ? Double.valueOf(rules.maxAspectRatio())
                : null;
        if (wanted == null || VideoCompliance.aspectMatches(ratio, wanted)) {
            int width = even(Math.min(displayWidth, rules.maxWidth()));
            int height = even((double) width * displayHeight / displayWidth);
            return new FrameGeometry(width, height, scale(width, height), null);
        }
        boolean tooWide = ratio > wanted;
        if (fix == AspectFix.CROP) {
            int cropWidth = tooWide ? (int) Math.round(displayHeight * wanted) : displayWidth;
            int cropHeight = tooWide ? displayHeight : (int) Math.round(displayWidth / wanted);
            int width = even(Math.min(cropWidth, rules.maxWidth()));
            int height = even(width / wanted);
            return new FrameGeometry(width, height, "crop=" + cropWidth + ":" + cropHeight + "," + scale(width, height),
                    AspectFix.CROP);
        }
        int canvasWidth = tooWide ? displayWidth : (int) Math.round(displayHeight * wanted);
        int width = even(Math.min(canvasWidth, rules.maxWidth()));
        int height = even(width / wanted);
        double shrink = (double) width / canvasWidth;
        int contentWidth = Math.min(width, even(displayWidth * shrink));
        int contentHeight = Math.min(height, even(displayHeight * shrink));
        String color = "0x" + padColor.substring(1);
        return new FrameGeometry(width, height, scale(contentWidth, contentHeight) + ",pad=" + width + ":" + height
                + ":" + (width - contentWidth) / 2 + ":" + (height - contentHeight) / 2 + ":color=" + color,
                AspectFix.PAD);
    }

    private static String scale(int width, int height) {
        return "scale=" + width + ":" + height;
    }

    /** Rounded to the nearest even number, at least 2. */
    private static int even(double size) {
        return Math.max(2, 2 * (int) Math.round(size / 2));
    }
}
