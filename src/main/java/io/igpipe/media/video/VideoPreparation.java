package io.igpipe.media.video;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.igpipe.media.MediaRejectedException;

/**
 * The video half of the prepare stage, the one entry the pipeline calls: probe, reject what no transcoding can
 * fix, and either copy a compliant file as is or transcode it, into {@code output}.
 */
public class VideoPreparation {

    private final VideoProbe probe;
    private final VideoTranscoder transcoder;
    private final Map<VideoTarget, VideoRules> rulesByTarget;

    /** @param rulesByTarget the rules of every {@link VideoTarget} */
    public VideoPreparation(VideoProbe probe, VideoTranscoder transcoder, Map<VideoTarget, VideoRules> rulesByTarget) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.transcoder = Objects.requireNonNull(transcoder, "transcoder");
        this.rulesByTarget = new EnumMap<>(rulesByTarget);
        for (VideoTarget target : VideoTarget.values()) {
            if (!this.rulesByTarget.containsKey(target)) {
                throw new IllegalArgumentException("No video rules for " + target);
            }
        }
    }

    public VideoRules rules(VideoTarget target) {
        return rulesByTarget.get(target);
    }

    /**
     * Makes {@code source} publishable as {@code target} at {@code output}.
     *
     * @param aspectRatio the exact width/height the output must have (carousel children share the first item's
     *                    ratio), or null to keep the video's own ratio when the target allows it
     * @throws MediaRejectedException   the video cannot be published (see its code); retrying does not help
     * @throws TranscoderBusyException  it needs transcoding and every slot is busy; retry later
     * @throws VideoToolsUnavailableException ffmpeg cannot be used on this machine; retry after the operator fixes it
     * @throws IllegalArgumentException {@code aspectRatio} is outside what {@code target} allows
     */
    public PreparedVideo prepare(Path source, VideoTarget target, Double aspectRatio, Path output)
            throws MediaRejectedException, TranscoderBusyException {
        return prepare(source, target, aspectRatio, output, false);
    }

    /**
     * As {@link #prepare(Path, VideoTarget, Double, Path)}; with {@code reencodeAll} nothing is copied as is, for the
     * one stricter pass after Instagram refused the video.
     */
    public PreparedVideo prepare(Path source, VideoTarget target, Double aspectRatio, Path output, boolean reencodeAll)
            throws MediaRejectedException, TranscoderBusyException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(output, "output");
        long started = System.nanoTime();
        VideoRules rules = rulesByTarget.get(target);
        VideoFacts facts = probe.probe(source);
        VideoCompliance.requireAcceptableDuration(String.valueOf(source.getFileName()), facts, rules);
        TranscodePlan plan = transcoder.plan(facts, rules, aspectRatio, reencodeAll);
        if (plan.passThrough()) {
            OutputFiles.copyIntoPlace(source, output);
            return new PreparedVideo(output, facts, false, Duration.ofNanos(System.nanoTime() - started), plan);
        }
        VideoFacts result = transcoder.transcode(source, facts, plan, output);
        return new PreparedVideo(output, result, true, Duration.ofNanos(System.nanoTime() - started), plan);
    }
}
