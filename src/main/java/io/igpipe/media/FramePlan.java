package io.igpipe.media;

import java.awt.Rectangle;

/**
 * Where the output comes from and how it is laid out, all in upright (display) coordinates: the part of the
 * source that is kept ({@code region*}), the size it is scaled to ({@code content*}), and the output frame
 * ({@code width x height}) it is placed in at {@code contentX, contentY}. Without PAD, content and frame match.
 * CROP falls back to PAD when cropping would leave less than the minimum size.
 */
record FramePlan(int regionX, int regionY, int regionWidth, int regionHeight,
        int contentWidth, int contentHeight, int contentX, int contentY, int width, int height,
        AspectFix aspectFixApplied) {

    /** Plans the output for an upright source of {@code sourceWidth x sourceHeight}. */
    static FramePlan of(int sourceWidth, int sourceHeight, OutputLimits limits) {
        double ratio = sourceWidth / (double) sourceHeight;
        AspectFix applied = null;
        int regionWidth = sourceWidth;
        int regionHeight = sourceHeight;
        int frameWidth = sourceWidth;
        int frameHeight = sourceHeight;
        if (ratio > limits.maxAspectRatio()) {
            applied = cropLeavesEnough((int) Math.floor(sourceHeight * limits.maxAspectRatio()), sourceHeight, limits)
                    ? limits.aspectFix() : AspectFix.PAD;
            if (applied == AspectFix.CROP) {
                regionWidth = frameWidth = Math.max(1, (int) Math.floor(sourceHeight * limits.maxAspectRatio()));
            } else {
                frameHeight = (int) Math.ceil(sourceWidth / limits.maxAspectRatio());
            }
        } else if (ratio < limits.minAspectRatio()) {
            applied = cropLeavesEnough(sourceWidth, (int) Math.floor(sourceWidth / limits.minAspectRatio()), limits)
                    ? limits.aspectFix() : AspectFix.PAD;
            if (applied == AspectFix.CROP) {
                regionHeight = frameHeight = Math.max(1, (int) Math.floor(sourceWidth / limits.minAspectRatio()));
            } else {
                frameWidth = (int) Math.ceil(sourceHeight * limits.minAspectRatio());
            }
        }

        int width = Math.min(frameWidth, limits.maxWidth());
        int height = limits.heightFor(width, frameWidth, frameHeight);

        int contentWidth = width;
        int contentHeight = height;
        if (applied == AspectFix.PAD) {
            double scale = Math.min(width / (double) frameWidth, height / (double) frameHeight);
            contentWidth = clamp((int) Math.round(sourceWidth * scale), 1, width);
            contentHeight = clamp((int) Math.round(sourceHeight * scale), 1, height);
            if (ratio > limits.maxAspectRatio()) {
                contentWidth = width;
            } else {
                contentHeight = height;
            }
        }
        return new FramePlan((sourceWidth - regionWidth) / 2, (sourceHeight - regionHeight) / 2,
                regionWidth, regionHeight, contentWidth, contentHeight,
                (width - contentWidth) / 2, (height - contentHeight) / 2, width, height, applied);
    }

    /**
     * Whether a crop to {@code width x height} still meets the minimum size. When it would not (a photo of exactly
     * the minimum height, cropped for the STRICT ratio), the plan pads instead of producing a photo that is too small.
     */
    private static boolean cropLeavesEnough(int width, int height, OutputLimits limits) {
        return width >= limits.minWidth() && height >= limits.minHeight();
    }

    /** The kept region in the stored (not yet oriented) source of {@code storedWidth x storedHeight}. */
    Rectangle storedRegion(Orientation orientation, int storedWidth, int storedHeight) {
        int w = orientation.swapsAxes() ? regionHeight : regionWidth;
        int h = orientation.swapsAxes() ? regionWidth : regionHeight;
        return new Rectangle((storedWidth - w) / 2, (storedHeight - h) / 2, w, h);
    }

    /** The content size in stored orientation: what the decoded region is scaled to before it is turned upright. */
    int storedContentWidth(Orientation orientation) {
        return orientation.swapsAxes() ? contentHeight : contentWidth;
    }

    int storedContentHeight(Orientation orientation) {
        return orientation.swapsAxes() ? contentWidth : contentHeight;
    }

    boolean coversWholeSource(int sourceWidth, int sourceHeight) {
        return regionWidth == sourceWidth && regionHeight == sourceHeight;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
