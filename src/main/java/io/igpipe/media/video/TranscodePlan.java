package io.igpipe.media.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What has to happen to one video before upload, decided from its {@link VideoFacts} before any work starts.
 * Empty {@link #reasons()}: the file already meets the rules and is used as is. Otherwise it is rewritten into an
 * MP4 with faststart, re-encoding only what needs it: a video stream that is fine is copied (remuxing a MOV or
 * moving the moov index costs seconds, not minutes).
 *
 * @param rules             the rules of the target
 * @param targetAspectRatio the exact ratio requested (carousel), or null
 * @param reasons           why the file cannot be used as is; empty when it can
 * @param encodeVideo       re-encode the video with libx264 (else it is copied)
 * @param audio             what happens to the audio
 * @param geometry          the re-encoded picture; null when the video is copied
 * @param frameRate         the re-encoded constant frame rate; null when the video is copied
 * @param videoMaxBitrate   x264 {@code -maxrate}, bits/s: the target bitrate, or less when the file size limit
 *                          needs it for a long video; 0 when the video is copied
 */
public record TranscodePlan(VideoRules rules, Double targetAspectRatio, List<String> reasons, boolean encodeVideo,
        AudioHandling audio, FrameGeometry geometry, FrameRate frameRate, long videoMaxBitrate) {

    /** What happens to the audio stream. */
    public enum AudioHandling {
        /** The source has no audio; the output has none either. */
        NONE,
        /** Copied as is: AAC at the target sample rate with at most the allowed channels. */
        COPY,
        /** Re-encoded to AAC at the target sample rate and bitrate, mono kept mono, more channels down-mixed. */
        ENCODE
    }

    /** Headroom below the file size limit for the container and for x264's rate control overshooting a little. */
    private static final double SIZE_HEADROOM = 0.90;
    /** Below this a planned bitrate would look like mush; such a file gets this and then VIDEO_FILE_TOO_LARGE. */
    private static final long MIN_VIDEO_BITRATE = 100_000;

    public TranscodePlan {
        Objects.requireNonNull(rules, "rules");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(audio, "audio");
    }

    /** Decides what {@code facts} needs under {@code rules}, with an optional exact aspect ratio. */
    static TranscodePlan of(VideoFacts facts, VideoRules rules, Double targetAspectRatio, TranscodeSettings settings) {
        return of(facts, rules, targetAspectRatio, settings, false);
    }

    /**
     * @param reencodeAll re-encode video and audio even where they comply: Instagram refused this video once, and
     *                    sending the same streams again rarely helps (graph-api.md section 10, pitfall 5)
     */
    static TranscodePlan of(VideoFacts facts, VideoRules rules, Double targetAspectRatio, TranscodeSettings settings,
            boolean reencodeAll) {
        List<String> videoProblems = new ArrayList<>(VideoCompliance.videoProblems(facts, rules, targetAspectRatio));
        if (reencodeAll) {
            videoProblems.add("Instagram refused this video once: every stream is encoded afresh");
        }
        List<String> reasons = new ArrayList<>(VideoCompliance.containerProblems(facts));
        reasons.addAll(VideoCompliance.audioProblems(facts, rules));
        reasons.addAll(videoProblems);
        AudioHandling audio = !facts.hasAudio() ? AudioHandling.NONE
                : VideoCompliance.audioCopyable(facts, rules) && !reencodeAll ? AudioHandling.COPY : AudioHandling.ENCODE;
        if (videoProblems.isEmpty()) {
            return new TranscodePlan(rules, targetAspectRatio, reasons, false, audio, null, null, 0);
        }
        FrameGeometry geometry = FrameGeometry.plan(facts.displayWidth(), facts.displayHeight(), targetAspectRatio,
                rules, settings.aspectFix(), settings.padColor());
        return new TranscodePlan(rules, targetAspectRatio, reasons, true, audio, geometry,
                FrameRatePlan.target(facts, rules), videoMaxBitrate(facts, rules, audio));
    }

    /** The file is fine as it is. */
    public boolean passThrough() {
        return reasons.isEmpty();
    }

    private static long videoMaxBitrate(VideoFacts facts, VideoRules rules, AudioHandling audio) {
        double seconds = Math.max(1, facts.durationMillis()) / 1000.0;
        long audioBits = switch (audio) {
            case NONE -> 0;
            case COPY -> facts.audioBitrate();
            case ENCODE -> rules.audioBitrate();
        };
        long sizeBudget = (long) (rules.maxFileBytes() * 8 * SIZE_HEADROOM / seconds) - audioBits;
        return Math.max(MIN_VIDEO_BITRATE, Math.min(rules.targetVideoBitrate(), sizeBudget));
    }
}
