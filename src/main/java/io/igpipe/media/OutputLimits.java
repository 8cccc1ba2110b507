package io.igpipe.media;

/** The limits one optimization works to: the rules, tightened for {@link OptimizationProfile#STRICT}. */
record OutputLimits(double minAspectRatio, double maxAspectRatio, int maxWidth, int minWidth, int minHeight,
        float jpegQuality, AspectFix aspectFix) {

    static final double STRICT_RATIO_MARGIN = 0.01;
    static final int STRICT_MAX_WIDTH = 1080;
    static final float STRICT_JPEG_QUALITY = 0.85f;

    static OutputLimits of(ImageRules rules, OptimizationProfile profile) {
        if (profile == OptimizationProfile.STRICT) {
            double min = rules.minAspectRatio() + STRICT_RATIO_MARGIN;
            double max = rules.maxAspectRatio() - STRICT_RATIO_MARGIN;
            if (min > max) {
                min = max = (rules.minAspectRatio() + rules.maxAspectRatio()) / 2;
            }
            int maxWidth = Math.max(rules.minWidth(), Math.min(STRICT_MAX_WIDTH, rules.maxWidth()));
            return new OutputLimits(min, max, maxWidth, rules.minWidth(), rules.minHeight(),
                    Math.min(STRICT_JPEG_QUALITY, rules.jpegQuality()), rules.aspectFix());
        }
        return new OutputLimits(rules.minAspectRatio(), rules.maxAspectRatio(), rules.maxWidth(),
                rules.minWidth(), rules.minHeight(), rules.jpegQuality(), rules.aspectFix());
    }

    boolean ratioInside(int width, int height) {
        double ratio = width / (double) height;
        return ratio >= minAspectRatio && ratio <= maxAspectRatio;
    }

    /**
     * The height that goes with {@code width} when a frame of {@code frameWidth x frameHeight} is scaled to that
     * width, moved toward the inside of the ratio range when rounding pushed it out.
     */
    int heightFor(int width, int frameWidth, int frameHeight) {
        int height = (int) Math.max(1, Math.round(frameHeight * (width / (double) frameWidth)));
        while (width / (double) height > maxAspectRatio) {
            height++;
        }
        while (height > 1 && width / (double) height < minAspectRatio) {
            height--;
        }
        return height;
    }
}
