package io.igpipe.media.video;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import io.igpipe.media.AspectFix;

/**
 * How igpipe runs ffmpeg, as opposed to what the result must satisfy ({@link VideoRules}).
 *
 * @param preset         x264 preset: slower presets give smaller files for the same quality and cost CPU (veryfast)
 * @param crf            x264 constant rate factor: lower is better quality; the bitrate cap still applies (23)
 * @param threads        ffmpeg {@code -threads}; 0 lets ffmpeg decide (one per core)
 * @param aspectFix      how a video is brought to a required aspect ratio: CROP (centre-crop) or PAD (bars)
 * @param padColor       colour of the bars of PAD, {@code #RRGGBB}
 * @param processTimeout an ffmpeg run taking longer is killed, with its children, and the video fails
 * @param probeTimeout   an ffprobe run, or a frame extraction, taking longer is killed
 */
public record TranscodeSettings(String preset, int crf, int threads, AspectFix aspectFix, String padColor,
        Duration processTimeout, Duration probeTimeout) {

    private static final Pattern PRESET = Pattern.compile(
            "ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow|placebo");
    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    public TranscodeSettings {
        Objects.requireNonNull(aspectFix, "aspectFix");
        require(preset != null && PRESET.matcher(preset).matches(), "preset must be an x264 preset, got " + preset);
        require(crf >= 0 && crf <= 51, "crf must be in 0..51");
        require(threads >= 0, "threads must be 0 (automatic) or positive");
        require(padColor != null && HEX_COLOR.matcher(padColor).matches(), "pad-color must look like #RRGGBB");
        require(processTimeout != null && processTimeout.toMillis() > 0, "process-timeout must be positive");
        require(probeTimeout != null && probeTimeout.toMillis() > 0, "probe-timeout must be positive");
    }

    public static TranscodeSettings defaults() {
        return new TranscodeSettings("veryfast", 23, 0, AspectFix.CROP, "#000000", Duration.ofMinutes(10),
                Duration.ofSeconds(30));
    }

    /** The same settings with another ffmpeg timeout. */
    public TranscodeSettings withProcessTimeout(Duration timeout) {
        return new TranscodeSettings(preset, crf, threads, aspectFix, padColor, timeout, probeTimeout);
    }

    /** The same settings with another aspect fix. */
    public TranscodeSettings withAspectFix(AspectFix fix) {
        return new TranscodeSettings(preset, crf, threads, fix, padColor, processTimeout, probeTimeout);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid video transcode settings: " + message);
        }
    }
}
