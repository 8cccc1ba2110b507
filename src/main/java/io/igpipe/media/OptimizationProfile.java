package io.igpipe.media;

/** How far inside Instagram's limits the optimized JPEG is placed. */
public enum OptimizationProfile {
    /** The configured {@link ImageRules} as they are. */
    STANDARD,
    /**
     * For a second try after Instagram rejected the media: the aspect ratio is forced well inside the limits
     * (0.01 inside each end, e.g. 0.81..1.90), the width is at most 1080 px and the JPEG quality at most 0.85.
     * Like {@link #STANDARD}, the photo is always decoded and re-encoded.
     */
    STRICT
}
