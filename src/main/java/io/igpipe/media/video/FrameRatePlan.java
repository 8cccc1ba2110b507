package io.igpipe.media.video;

import java.util.List;

/**
 * The constant frame rate a re-encoded video gets. A rate outside the allowed range is brought inside by a whole
 * factor, so motion stays even: every 2nd frame of 120 fps gives 60, each frame of 15 fps shown twice gives 30.
 * A variable frame rate becomes the nearest common rate to its average.
 */
final class FrameRatePlan {

    /** ffprobe's fractions are exact, but a VFR average is not: 60.0004 must count as 60, not "above 60". */
    private static final double EPSILON = 0.001;
    /** A VFR average within this fraction of a common rate is snapped to it (phones aim at one of these). */
    private static final double SNAP_TOLERANCE = 0.03;
    private static final List<FrameRate> COMMON_RATES = List.of(
            new FrameRate(24000, 1001), new FrameRate(24, 1), new FrameRate(25, 1), new FrameRate(30000, 1001),
            new FrameRate(30, 1), new FrameRate(50, 1), new FrameRate(60000, 1001), new FrameRate(60, 1));
    /** When ffprobe knows no rate at all (rare, broken timestamps). */
    private static final FrameRate FALLBACK = new FrameRate(30, 1);

    private FrameRatePlan() {
    }

    static boolean below(FrameRate rate, int minimum) {
        return rate.value() < minimum * (1 - EPSILON);
    }

    static boolean above(FrameRate rate, int maximum) {
        return rate.value() > maximum * (1 + EPSILON);
    }

    /** The output rate for {@code facts} under {@code rules}; inside the range and constant. */
    static FrameRate target(VideoFacts facts, VideoRules rules) {
        FrameRate base = facts.variableFrameRate() ? snapped(facts.averageFrameRate()) : facts.frameRate();
        if (!base.isKnown()) {
            base = FALLBACK;
        }
        // VideoRules guarantees max >= 2 * min, so one whole factor always lands inside the range.
        if (above(base, rules.maxFrameRate())) {
            return base.dividedBy((int) Math.ceil(base.value() / rules.maxFrameRate() - EPSILON));
        }
        if (below(base, rules.minFrameRate())) {
            return base.times((int) Math.ceil(rules.minFrameRate() / base.value() - EPSILON));
        }
        return base;
    }

    private static FrameRate snapped(FrameRate average) {
        if (!average.isKnown()) {
            return average;
        }
        for (FrameRate common : COMMON_RATES) {
            if (common.closeTo(average, SNAP_TOLERANCE)) {
                return common;
            }
        }
        return new FrameRate(Math.max(1, Math.round(average.value())), 1);
    }
}
