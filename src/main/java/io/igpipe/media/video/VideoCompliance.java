package io.igpipe.media.video;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.igpipe.media.MediaErrorCode;
import io.igpipe.media.MediaRejectedException;

/**
 * Compares {@link VideoFacts} with {@link VideoRules}. Each problem is a short phrase an operator understands
 * ("frame rate 120 fps is above 60 fps"); they are grouped by what fixing them costs: rewriting the container,
 * re-encoding the audio, or re-encoding the video.
 */
final class VideoCompliance {

    /**
     * H.264 profiles accepted as is. Constrained Baseline is what x264's ultrafast preset produces even when asked
     * for High, and every decoder that plays Main plays it.
     */
    static final Set<String> H264_PROFILES = Set.of("High", "Main", "Constrained Baseline");
    /** Relative difference allowed between a video's aspect ratio and a requested one: even sizes cost 1-2 px. */
    static final double ASPECT_TOLERANCE = 0.01;

    private VideoCompliance() {
    }

    /**
     * Rejects a video whose length no transcoding can fix.
     *
     * @throws MediaRejectedException VIDEO_TOO_SHORT or VIDEO_TOO_LONG
     */
    static void requireAcceptableDuration(String name, VideoFacts facts, VideoRules rules)
            throws MediaRejectedException {
        Duration duration = facts.duration();
        String target = rules.target().name();
        if (duration.compareTo(rules.minDuration()) < 0) {
            throw new MediaRejectedException(MediaErrorCode.VIDEO_TOO_SHORT, name + " plays " + seconds(duration)
                    + "; a " + target + " video must play at least " + seconds(rules.minDuration())
                    + ". Use a longer clip.");
        }
        if (duration.compareTo(rules.maxDuration()) > 0) {
            throw new MediaRejectedException(MediaErrorCode.VIDEO_TOO_LONG, name + " plays " + seconds(duration)
                    + "; a " + target + " video may play at most " + seconds(rules.maxDuration())
                    + ". igpipe does not cut videos: trim it" + (rules.target() == VideoTarget.REELS ? ""
                    : " or publish it as a Reel") + " and drop it again.");
        }
    }

    /** What only rewriting the MP4 fixes; the streams can be copied. */
    static List<String> containerProblems(VideoFacts facts) {
        List<String> problems = new ArrayList<>();
        if (!facts.isMp4()) {
            problems.add("container is " + containerName(facts) + ", not MP4");
        } else if (!facts.moovBeforeMdat()) {
            problems.add("the moov index is after the media data (not faststart)");
        }
        if (facts.otherStreams() > 0) {
            problems.add(facts.otherStreams() + " extra stream(s) besides one video and one audio");
        }
        return problems;
    }

    /** What needs the audio re-encoded. */
    static List<String> audioProblems(VideoFacts facts, VideoRules rules) {
        List<String> problems = new ArrayList<>();
        if (!facts.hasAudio()) {
            return problems;
        }
        if (!facts.audioCodec().equals("aac")) {
            problems.add("audio codec is " + facts.audioCodec() + ", not AAC");
        }
        if (facts.audioSampleRate() > rules.audioSampleRate()) {
            problems.add("audio sample rate " + facts.audioSampleRate() + " Hz is above " + rules.audioSampleRate()
                    + " Hz");
        }
        if (facts.audioChannels() > rules.maxAudioChannels()) {
            problems.add(facts.audioChannels() + " audio channels, more than " + rules.maxAudioChannels());
        }
        return problems;
    }

    /**
     * Audio that a rewrite keeps untouched: compliant, already at the sample rate igpipe encodes to, and not
     * trimmed by an edit list (which only decoding applies).
     */
    static boolean audioCopyable(VideoFacts facts, VideoRules rules) {
        return audioProblems(facts, rules).isEmpty() && facts.audioSampleRate() == rules.audioSampleRate()
                && !facts.complexEditList();
    }

    /** What needs the video re-encoded. {@code targetAspectRatio} may be null. */
    static List<String> videoProblems(VideoFacts facts, VideoRules rules, Double targetAspectRatio) {
        List<String> problems = new ArrayList<>();
        String codec = facts.videoCodec();
        if (!codec.equals("h264") && !codec.equals("hevc")) {
            problems.add("video codec is " + codec + ", not H.264 or HEVC");
        } else if (codec.equals("h264") && !H264_PROFILES.contains(facts.videoProfile())) {
            problems.add("H.264 profile " + facts.videoProfile() + " is not High, Main or Constrained Baseline");
        } else if (codec.equals("hevc") && !"Main".equals(facts.videoProfile())) {
            problems.add("HEVC profile " + facts.videoProfile() + " is not Main");
        }
        if (!"yuv420p".equals(facts.pixelFormat())) {
            problems.add("pixel format " + facts.pixelFormat() + " is not yuv420p (8-bit 4:2:0)");
        }
        if (facts.complexEditList()) {
            // Copying the streams would drop the edits (igpipe writes no edit lists) and replay trimmed parts.
            problems.add("an edit list changes playback");
        }
        if (facts.interlaced()) {
            problems.add("interlaced");
        }
        if (facts.rotation() != 0) {
            problems.add("rotated " + facts.rotation() + " degrees by metadata");
        }
        if (facts.displayWidth() > rules.maxWidth()) {
            problems.add(facts.displayWidth() + " px wide, more than " + rules.maxWidth());
        }
        if (facts.width() % 2 != 0 || facts.height() % 2 != 0) {
            problems.add("odd frame size " + facts.width() + "x" + facts.height());
        }
        problems.addAll(frameRateProblems(facts, rules));
        if (facts.videoBitrate() > rules.maxVideoBitrate()) {
            problems.add("video bitrate " + mbps(facts.videoBitrate()) + " is above " + mbps(rules.maxVideoBitrate()));
        }
        if (facts.fileBytes() > rules.maxFileBytes()) {
            problems.add("file is " + megabytes(facts.fileBytes()) + ", more than " + megabytes(rules.maxFileBytes()));
        }
        double ratio = facts.aspectRatio();
        if (ratio < rules.minAspectRatio() || ratio > rules.maxAspectRatio()) {
            problems.add("aspect ratio " + ratio(ratio) + " is outside " + ratio(rules.minAspectRatio()) + ".."
                    + ratio(rules.maxAspectRatio()));
        } else if (targetAspectRatio != null && !aspectMatches(ratio, targetAspectRatio)) {
            problems.add("aspect ratio " + ratio(ratio) + " is not the requested " + ratio(targetAspectRatio));
        }
        return problems;
    }

    static boolean aspectMatches(double ratio, double wanted) {
        return Math.abs(ratio - wanted) <= ASPECT_TOLERANCE * wanted;
    }

    private static List<String> frameRateProblems(VideoFacts facts, VideoRules rules) {
        FrameRate rate = facts.frameRate();
        if (facts.variableFrameRate()) {
            return List.of("variable frame rate (average " + facts.averageFrameRate() + ", base "
                    + facts.realFrameRate() + ")");
        }
        if (!rate.isKnown()) {
            return List.of("frame rate unknown");
        }
        if (FrameRatePlan.below(rate, rules.minFrameRate())) {
            return List.of("frame rate " + rate + " is below " + rules.minFrameRate() + " fps");
        }
        if (FrameRatePlan.above(rate, rules.maxFrameRate())) {
            return List.of("frame rate " + rate + " is above " + rules.maxFrameRate() + " fps");
        }
        return List.of();
    }

    private static String containerName(VideoFacts facts) {
        if (facts.container().contains("mp4")) {
            return "QuickTime MOV";
        }
        return facts.container().split(",")[0];
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    static String mbps(long bitsPerSecond) {
        return String.format(Locale.ROOT, "%.1f Mbps", bitsPerSecond / 1_000_000.0);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.3f", ratio);
    }
}
