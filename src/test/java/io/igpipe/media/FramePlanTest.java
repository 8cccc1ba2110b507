package io.igpipe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The output geometry, as pure arithmetic: ratios land inside the range after rounding, nothing is upscaled. */
class FramePlanTest {

    private static final int[] WIDTHS = {320, 321, 333, 500, 799, 1000, 1080, 1439, 1440, 1441, 1910, 2000, 3001,
            4000, 6000, 11547, 29999};
    private static final int[] HEIGHTS = {168, 169, 200, 401, 999, 1000, 1350, 1920, 3000, 4000, 8660, 29999};

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"CROP, STANDARD", "PAD, STANDARD", "CROP, STRICT", "PAD, STRICT"})
    void everyPlanIsInsideTheLimits(AspectFix fix, OptimizationProfile profile) {
        OutputLimits limits = OutputLimits.of(ImageRules.defaults().withAspectFix(fix), profile);
        for (int sourceWidth : WIDTHS) {
            for (int sourceHeight : HEIGHTS) {
                FramePlan plan = FramePlan.of(sourceWidth, sourceHeight, limits);
                String what = sourceWidth + "x" + sourceHeight + " -> " + plan;
                double ratio = plan.width() / (double) plan.height();
                assertThat(ratio).as(what).isBetween(limits.minAspectRatio(), limits.maxAspectRatio());
                assertThat(plan.width()).as(what).isLessThanOrEqualTo(limits.maxWidth());
                assertThat(plan.width()).as(what).isGreaterThanOrEqualTo(320);
                assertThat(plan.height()).as(what).isGreaterThanOrEqualTo(168);
                assertThat(plan.contentWidth()).as("never upscaled: " + what).isLessThanOrEqualTo(plan.regionWidth());
                assertThat(plan.contentHeight()).as("never upscaled: " + what).isLessThanOrEqualTo(plan.regionHeight());
                assertThat(plan.contentX() + plan.contentWidth()).as(what).isLessThanOrEqualTo(plan.width());
                assertThat(plan.contentY() + plan.contentHeight()).as(what).isLessThanOrEqualTo(plan.height());
                assertThat(plan.regionX() + plan.regionWidth()).as(what).isLessThanOrEqualTo(sourceWidth);
                assertThat(plan.regionY() + plan.regionHeight()).as(what).isLessThanOrEqualTo(sourceHeight);
                if (fix == AspectFix.PAD || plan.aspectFixApplied() == null) {
                    assertThat(plan.coversWholeSource(sourceWidth, sourceHeight)).as("nothing cut: " + what).isTrue();
                }
                if (plan.aspectFixApplied() != AspectFix.PAD) {
                    assertThat(plan.contentWidth()).as(what).isEqualTo(plan.width());
                    assertThat(plan.contentHeight()).as(what).isEqualTo(plan.height());
                }
                boolean inside = limits.ratioInside(sourceWidth, sourceHeight);
                if (inside) {
                    assertThat(plan.aspectFixApplied()).as(what).isNull();
                } else {
                    // CROP falls back to PAD only where cropping would go below the minimum size
                    assertThat(plan.aspectFixApplied()).as(what).isIn(fix, AspectFix.PAD);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1} {2} -> {3}x{4}")
    @CsvSource({
            "4000, 3000, CROP, 1440, 1080",
            "1440, 1080, CROP, 1440, 1080",
            "11547, 8660, CROP, 1440, 1080",
            "3000, 1000, CROP, 1440, 754",
            "3000, 1000, PAD, 1440, 754",
            "1080, 1920, CROP, 1080, 1350",
            "1080, 1920, PAD, 1440, 1800",
            "320, 168, CROP, 320, 168",
            "2000, 168, CROP, 320, 168",
            "400, 300, CROP, 400, 300"})
    void knownSizes(int sourceWidth, int sourceHeight, AspectFix fix, int width, int height) {
        FramePlan plan = FramePlan.of(sourceWidth, sourceHeight,
                OutputLimits.of(ImageRules.defaults().withAspectFix(fix), OptimizationProfile.STANDARD));

        assertThat(plan.width()).isEqualTo(width);
        assertThat(plan.height()).isEqualTo(height);
    }

    @Test
    void strictCropOfAMinimumHeightPhotoPadsInstead() {
        // 320x168 is 1.905:1, inside the standard range but above STRICT's 1.90; cropping would leave 319 px.
        OutputLimits strict = OutputLimits.of(ImageRules.defaults(), OptimizationProfile.STRICT);

        FramePlan plan = FramePlan.of(320, 168, strict);

        assertThat(plan.aspectFixApplied()).isEqualTo(AspectFix.PAD);
        assertThat(plan.width()).isEqualTo(320);
        assertThat(plan.height()).isEqualTo(169);
        assertThat(plan.contentHeight()).isEqualTo(168);
    }

    @Test
    void paddedPanoramaIsCentredBetweenBars() {
        FramePlan plan = FramePlan.of(3000, 1000,
                OutputLimits.of(ImageRules.defaults().withAspectFix(AspectFix.PAD), OptimizationProfile.STANDARD));

        assertThat(plan.contentWidth()).isEqualTo(1440);
        assertThat(plan.contentHeight()).isEqualTo(480);
        assertThat(plan.contentX()).isZero();
        assertThat(plan.contentY()).isEqualTo(137);
    }

    @ParameterizedTest
    @EnumSource(Orientation.class)
    void croppedRegionFollowsTheOrientation(Orientation orientation) {
        // Upright 1080x1920 (stored 1920x1080 when the orientation swaps axes) cropped to 1080x1350.
        FramePlan plan = FramePlan.of(1080, 1920, OutputLimits.of(ImageRules.defaults(), OptimizationProfile.STANDARD));
        int storedWidth = orientation.swapsAxes() ? 1920 : 1080;
        int storedHeight = orientation.swapsAxes() ? 1080 : 1920;

        Rectangle region = plan.storedRegion(orientation, storedWidth, storedHeight);

        Rectangle expected = orientation.swapsAxes() ? new Rectangle(285, 0, 1350, 1080) : new Rectangle(0, 285, 1080, 1350);
        assertThat(region).isEqualTo(expected);
        assertThat(plan.storedContentWidth(orientation)).isEqualTo(expected.width);
    }

    @ParameterizedTest(name = "{0}x{1} into {2}x{3}: every {4}th pixel")
    @CsvSource({
            "4000, 3000, 1440, 1080, 1",
            "6000, 4000, 1440, 960, 2",
            "11547, 8660, 1440, 1080, 4",
            "30000, 6000, 1440, 288, 10",
            "1000, 800, 1000, 800, 1"})
    void subsamplingKeepsAtLeastTwiceTheOutputSize(int width, int height, int outWidth, int outHeight, int expected) {
        int subsampling = ImageOptimizer.subsampling(new Rectangle(0, 0, width, height), outWidth, outHeight);

        assertThat(subsampling).isEqualTo(expected);
        if (subsampling > 1) {
            assertThat(width / subsampling).isGreaterThanOrEqualTo(2 * outWidth);
            assertThat(height / subsampling).isGreaterThanOrEqualTo(2 * outHeight);
        }
    }
}
