package io.igpipe.graph.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The video spec of one kind of container (graph-api.md §5). Defaults are Meta's current values; a test or an
 * operator tightens them with the {@code with...} methods (for example the 3–90 s Reels older guides quote).
 *
 * @param minDuration     shortest video accepted, inclusive
 * @param maxDuration     longest video accepted, inclusive
 * @param maxBytes        largest file accepted
 * @param maxColumns      widest displayed picture, after rotation
 * @param minAspectRatio  narrowest width/height accepted, inclusive
 * @param maxAspectRatio  widest width/height accepted, inclusive
 * @param minFrameRate    slowest frame rate accepted, inclusive
 * @param maxFrameRate    fastest frame rate accepted, inclusive
 * @param maxBitrate      highest average bitrate, bits per second
 * @param maxAudioSampleRate highest audio sample rate, Hz
 * @param maxAudioChannels   most audio channels (2: stereo)
 */
public record VideoLimits(
        Duration minDuration,
        Duration maxDuration,
        long maxBytes,
        int maxColumns,
        double minAspectRatio,
        double maxAspectRatio,
        double minFrameRate,
        double maxFrameRate,
        long maxBitrate,
        int maxAudioSampleRate,
        int maxAudioChannels) {

    static final long MB = 1024L * 1024;
    static final long MBPS = 1_000_000L;

    public VideoLimits {
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (minDuration.compareTo(maxDuration) > 0 || minAspectRatio > maxAspectRatio
                || minFrameRate > maxFrameRate) {
            throw new IllegalArgumentException("a video limit range has its minimum above its maximum: " + this);
        }
        if (maxBytes <= 0 || maxColumns <= 0 || maxBitrate <= 0 || maxAudioSampleRate <= 0
                || maxAudioChannels <= 0) {
            throw new IllegalArgumentException("video limits must be positive: " + this);
        }
    }

    /** Reels: 3 s to 15 min, 300 MB, 0.01:1 to 10:1, 1920 columns, 23–60 fps, 25 Mbps, AAC ≤ 48 kHz stereo. */
    public static VideoLimits reels() {
        return new VideoLimits(Duration.ofSeconds(3), Duration.ofMinutes(15), 300 * MB, 1920, 0.01, 10, 23, 60,
                25 * MBPS, 48_000, 2);
    }

    /** Story videos: as reels but 3–60 s, 100 MB and 0.1:1 to 10:1. */
    public static VideoLimits storyVideo() {
        return reels().withDuration(Duration.ofSeconds(3), Duration.ofSeconds(60)).withMaxBytes(100 * MB)
                .withAspectRatio(0.1, 10);
    }

    /** Carousel videos, from the legacy table still quoted: 3–60 s, 100 MB, 4:5 to 16:9. */
    public static VideoLimits carouselVideo() {
        return storyVideo().withAspectRatio(4.0 / 5, 16.0 / 9);
    }

    public VideoLimits withDuration(Duration min, Duration max) {
        return new VideoLimits(min, max, maxBytes, maxColumns, minAspectRatio, maxAspectRatio, minFrameRate,
                maxFrameRate, maxBitrate, maxAudioSampleRate, maxAudioChannels);
    }

    public VideoLimits withMaxBytes(long value) {
        return new VideoLimits(minDuration, maxDuration, value, maxColumns, minAspectRatio, maxAspectRatio,
                minFrameRate, maxFrameRate, maxBitrate, maxAudioSampleRate, maxAudioChannels);
    }

    public VideoLimits withMaxColumns(int value) {
        return new VideoLimits(minDuration, maxDuration, maxBytes, value, minAspectRatio, maxAspectRatio,
                minFrameRate, maxFrameRate, maxBitrate, maxAudioSampleRate, maxAudioChannels);
    }

    public VideoLimits withAspectRatio(double min, double max) {
        return new VideoLimits(minDuration, maxDuration, maxBytes, maxColumns, min, max, minFrameRate,
                maxFrameRate, maxBitrate, maxAudioSampleRate, maxAudioChannels);
    }

    public VideoLimits withFrameRate(double min, double max) {
        return new VideoLimits(minDuration, maxDuration, maxBytes, maxColumns, minAspectRatio, maxAspectRatio, min,
                max, maxBitrate, maxAudioSampleRate, maxAudioChannels);
    }

    public VideoLimits withMaxBitrate(long value) {
        return new VideoLimits(minDuration, maxDuration, maxBytes, maxColumns, minAspectRatio, maxAspectRatio,
                minFrameRate, maxFrameRate, value, maxAudioSampleRate, maxAudioChannels);
    }
}
