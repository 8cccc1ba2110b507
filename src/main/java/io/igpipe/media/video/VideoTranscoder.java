package io.igpipe.media.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.igpipe.media.MediaErrorCode;
import io.igpipe.media.MediaRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a video into an MP4 Instagram accepts, following a {@link TranscodePlan}: H.264 (libx264, High, 4:2:0,
 * closed GOP, capped bitrate) at a constant frame rate inside the allowed range, at most the maximum width with even
 * sides, upright, optionally cropped or padded to an exact aspect ratio; AAC audio at 48 kHz; faststart; no
 * metadata. Streams that already comply are copied instead of re-encoded.
 *
 * <p>At most {@code max-concurrent-transcodes} run at once; a caller finding no free slot gets a
 * {@link TranscoderBusyException} immediately. ffmpeg runs with a timeout and is killed with its children when it
 * passes. The output is probed and checked against the rules before it is moved into place; a result that does not
 * meet them is a failure, never a silent upload Instagram would refuse minutes later.
 */
public class VideoTranscoder {

    private static final Logger LOG = LoggerFactory.getLogger(VideoTranscoder.class);
    /** Output and source durations may differ by this much (frame rate changes, audio priming)... */
    private static final Duration DURATION_SLACK = Duration.ofMillis(500);
    /** ...or by this fraction of the source duration, whichever is larger. */
    private static final double DURATION_SLACK_FRACTION = 0.05;

    private final VideoTools tools;
    private final VideoProbe probe;
    private final TranscodeSettings settings;
    private final TranscodeSlots slots;

    public VideoTranscoder(VideoTools tools, VideoProbe probe, TranscodeSettings settings,
            int maxConcurrentTranscodes) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.slots = new TranscodeSlots(maxConcurrentTranscodes);
    }

    /**
     * What {@code facts} needs under {@code rules}.
     *
     * @param targetAspectRatio the exact width/height the output must have (all children of a carousel share one),
     *                          or null to keep the ratio when it is inside the rules' range
     */
    public TranscodePlan plan(VideoFacts facts, VideoRules rules, Double targetAspectRatio) {
        return plan(facts, rules, targetAspectRatio, false);
    }

    /** As {@link #plan(VideoFacts, VideoRules, Double)}; {@code reencodeAll} encodes every stream afresh. */
    public TranscodePlan plan(VideoFacts facts, VideoRules rules, Double targetAspectRatio, boolean reencodeAll) {
        if (targetAspectRatio != null && (targetAspectRatio < rules.minAspectRatio()
                || targetAspectRatio > rules.maxAspectRatio())) {
            throw new IllegalArgumentException("Aspect ratio " + VideoCompliance.ratio(targetAspectRatio)
                    + " is outside what a " + rules.target() + " video may have ("
                    + VideoCompliance.ratio(rules.minAspectRatio()) + ".." + VideoCompliance.ratio(rules.maxAspectRatio())
                    + ")");
        }
        return TranscodePlan.of(facts, rules, targetAspectRatio, settings, reencodeAll);
    }

    /**
     * Rewrites {@code source} following {@code plan} into {@code output} (written atomically) and returns what the
     * output is. The duration is checked against the plan's rules before anything runs: that is the max-duration
     * guard; pass rules {@link VideoRules#withMaxDuration with another bound} to guard differently.
     *
     * @param facts what {@link VideoProbe} said about {@code source}
     * @param plan  from {@link #plan}; must not be a pass-through plan (there is nothing to transcode)
     * @throws TranscoderBusyException at once when every slot is taken; nothing was started
     * @throws MediaRejectedException  VIDEO_TOO_SHORT / VIDEO_TOO_LONG before starting; VIDEO_FILE_TOO_LARGE when
     *                                 the result exceeds the size limit; VIDEO_TRANSCODE_FAILED when ffmpeg fails,
     *                                 times out, or its output does not meet the rules
     * @throws VideoToolsUnavailableException when ffmpeg cannot be used on this machine
     */
    public VideoFacts transcode(Path source, VideoFacts facts, TranscodePlan plan, Path output)
            throws MediaRejectedException, TranscoderBusyException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(output, "output");
        if (plan.passThrough()) {
            throw new IllegalArgumentException("Nothing to transcode: " + source.getFileName() + " already complies");
        }
        String name = String.valueOf(source.getFileName());
        VideoCompliance.requireAcceptableDuration(name, facts, plan.rules());
        tools.requireAvailable();
        try (TranscodeSlots.Slot slot = slots.tryAcquire()) {
            Path temporary = OutputFiles.temporarySibling(output);
            try {
                long started = System.nanoTime();
                LOG.info("Transcoding {} for {} ({}): {}", name, plan.rules().target(),
                        plan.encodeVideo() ? "re-encoding video" : "copying video", String.join("; ", plan.reasons()));
                runFfmpeg(name, FfmpegArguments.transcode(source, facts, plan, settings, temporary));
                VideoFacts result = verify(name, facts, plan, temporary);
                OutputFiles.moveIntoPlace(temporary, output);
                LOG.info("Transcoded {} in {} ms: {}x{} {} {}, {}", name,
                        Duration.ofNanos(System.nanoTime() - started).toMillis(), result.displayWidth(),
                        result.displayHeight(), result.videoCodec(), result.frameRate(),
                        VideoCompliance.megabytes(result.fileBytes()));
                return result;
            } finally {
                OutputFiles.deleteQuietly(temporary);
            }
        }
    }

    /** The slots, for the health indicator and for tests that occupy them. */
    TranscodeSlots slots() {
        return slots;
    }

    private void runFfmpeg(String name, List<String> arguments) throws MediaRejectedException {
        ToolProcess.Outcome outcome;
        try {
            outcome = ToolProcess.run(tools.ffmpeg(arguments), settings.processTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start ffmpeg", e);
        }
        if (outcome.timedOut()) {
            throw new MediaRejectedException(MediaErrorCode.VIDEO_TRANSCODE_FAILED, "Transcoding " + name
                    + " did not finish within " + describe(settings.processTimeout()) + " and ffmpeg was stopped."
                    + " Drop a shorter or smaller video, or raise igpipe.media.video.process-timeout.");
        }
        if (!outcome.succeeded()) {
            throw new MediaRejectedException(MediaErrorCode.VIDEO_TRANSCODE_FAILED, "ffmpeg could not transcode "
                    + name + " (exit " + outcome.exitCode() + "): " + outcome.stderrSummary()
                    + ". Export the video again, e.g. as H.264 MP4, and drop it again.");
        }
    }

    private VideoFacts verify(String name, VideoFacts source, TranscodePlan plan, Path output)
            throws MediaRejectedException {
        VideoFacts result;
        try {
            result = probe.probe(output);
        } catch (MediaRejectedException e) {
            throw new MediaRejectedException(MediaErrorCode.VIDEO_TRANSCODE_FAILED, "ffmpeg's output for " + name
                    + " cannot be read back: " + e.getMessage());
        }
        VideoRules rules = plan.rules();
        if (result.fileBytes() > rules.maxFileBytes()) {
            throw new MediaRejectedException(MediaErrorCode.VIDEO_FILE_TOO_LARGE, name + " is still "
                    + VideoCompliance.megabytes(result.fileBytes()) + " after transcoding at up to "
                    + VideoCompliance.mbps(plan.videoMaxBitrate()) + "; a " + rules.target() + " video may be at most "
                    + VideoCompliance.megabytes(rules.maxFileBytes()) + ". Drop a shorter video.");
        }
        List<String> problems = new ArrayList<>(VideoCompliance.containerProblems(result));
        problems.addAll(VideoCompliance.audioProblems(result, rules));
        problems.addAll(VideoCompliance.videoProblems(result, rules, plan.targetAspectRatio()));
        if (result.hasAudio() != source.hasAudio()) {
            problems.add(source.hasAudio() ? "the audio was lost" : "audio appeared");
        }
        Duration difference = result.duration().minus(source.duration()).abs();
        long allowedMillis = Math.max(DURATION_SLACK.toMillis(),
                (long) (source.durationMillis() * DURATION_SLACK_FRACTION));
        if (difference.toMillis() > allowedMillis) {
            problems.add("plays " + VideoCompliance.seconds(result.duration()) + " instead of "
                    + VideoCompliance.seconds(source.duration()));
        }
        if (!problems.isEmpty()) {
            throw new MediaRejectedException(MediaErrorCode.VIDEO_TRANSCODE_FAILED, "ffmpeg's output for " + name
                    + " does not meet the " + rules.target() + " rules: " + String.join("; ", problems) + ".");
        }
        return result;
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() >= 120 ? duration.toMinutes() + " min" : duration.toMillis() / 1000.0 + " s";
    }
}
