package io.igpipe.media.video;

import java.time.Duration;

/**
 * Where a video is published; each target has its own duration, size and aspect limits (graph-api.md section 5).
 * The values here are the defaults of {@link VideoRules}; operators override them under
 * {@code igpipe.media.video.<target>.*}.
 */
public enum VideoTarget {
    /** A Reel: 3 s to 15 min, at most 300 MB, aspect 0.01:1 to 10:1. */
    REELS("reels", Duration.ofSeconds(3), Duration.ofMinutes(15), 300_000_000L, 0.01, 10.0),
    /** A video Story: 3 s to 60 s, at most 100 MB, aspect 0.1:1 to 10:1. */
    STORY("story", Duration.ofSeconds(3), Duration.ofSeconds(60), 100_000_000L, 0.1, 10.0),
    /**
     * A video child of a carousel. Meta no longer documents it separately; the legacy feed video spec (4:5 to 16:9,
     * 3 to 60 s, 100 MB) is the safe reading.
     */
    CAROUSEL_ITEM("carousel-item", Duration.ofSeconds(3), Duration.ofSeconds(60), 100_000_000L, 0.8, 1.78);

    private final String propertyName;
    private final Duration defaultMinDuration;
    private final Duration defaultMaxDuration;
    private final long defaultMaxFileBytes;
    private final double defaultMinAspectRatio;
    private final double defaultMaxAspectRatio;

    VideoTarget(String propertyName, Duration defaultMinDuration, Duration defaultMaxDuration,
            long defaultMaxFileBytes, double defaultMinAspectRatio, double defaultMaxAspectRatio) {
        this.propertyName = propertyName;
        this.defaultMinDuration = defaultMinDuration;
        this.defaultMaxDuration = defaultMaxDuration;
        this.defaultMaxFileBytes = defaultMaxFileBytes;
        this.defaultMinAspectRatio = defaultMinAspectRatio;
        this.defaultMaxAspectRatio = defaultMaxAspectRatio;
    }

    /** The key of this target's block under {@code igpipe.media.video}, e.g. {@code carousel-item}. */
    public String propertyName() {
        return propertyName;
    }

    Duration defaultMinDuration() {
        return defaultMinDuration;
    }

    Duration defaultMaxDuration() {
        return defaultMaxDuration;
    }

    long defaultMaxFileBytes() {
        return defaultMaxFileBytes;
    }

    double defaultMinAspectRatio() {
        return defaultMinAspectRatio;
    }

    double defaultMaxAspectRatio() {
        return defaultMaxAspectRatio;
    }
}
