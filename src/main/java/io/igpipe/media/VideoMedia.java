package io.igpipe.media;

import java.nio.file.Path;
import java.time.Duration;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.PostLifecycle;
import io.igpipe.ledger.PostNotDueException;
import io.igpipe.ledger.WaitReason;
import io.igpipe.media.video.PreparedVideo;
import io.igpipe.media.video.TranscoderBusyException;
import io.igpipe.media.video.VideoPreparation;
import io.igpipe.media.video.VideoProbe;
import io.igpipe.media.video.VideoProperties;
import io.igpipe.media.video.VideoTarget;
import io.igpipe.media.video.VideoToolsUnavailableException;
import org.springframework.stereotype.Component;

/**
 * The pipeline's side of the video toolkit: a post whose video cannot be worked on right now (every transcoding
 * slot taken, or ffmpeg unusable on this machine) waits in the ledger instead of holding a worker, so photo posts
 * keep flowing while a long transcode runs.
 */
@Component
public class VideoMedia {

    /** A prepared video as the ledger records it. */
    public record Result(Path path, int width, int height, long bytes, Duration took) {
    }

    /** How long a post waits when ffmpeg cannot run: an operator has to act, so there is no point in asking often. */
    static final Duration TOOLS_UNAVAILABLE_WAIT = Duration.ofMinutes(5);

    private final VideoPreparation preparation;
    private final VideoProbe probe;
    private final PostLifecycle lifecycle;
    private final Duration busyWait;
    private final Duration longestRun;

    public VideoMedia(VideoPreparation preparation, VideoProbe probe, PostLifecycle lifecycle,
            IgpipeProperties properties, VideoProperties video) {
        this.preparation = preparation;
        this.probe = probe;
        this.lifecycle = lifecycle;
        this.busyWait = properties.getPosts().getTranscoderBusyWait();
        // probe, transcode and the probe of the output, each at most its timeout, plus a margin
        this.longestRun = video.getProcessTimeout().plus(video.getProbeTimeout().multipliedBy(2)).plusMinutes(1);
    }

    /** The longest one video can keep a worker busy; its post's lease is held at least this long. */
    public Duration longestRun() {
        return longestRun;
    }

    public Result prepare(Path source, VideoTarget target, Double aspectRatio, Path output, OptimizationProfile profile)
            throws MediaRejectedException {
        try {
            PreparedVideo video = preparation.prepare(source, target, aspectRatio, output,
                    profile == OptimizationProfile.STRICT);
            return new Result(video.path(), video.facts().displayWidth(), video.facts().displayHeight(),
                    video.facts().fileBytes(), video.took());
        } catch (TranscoderBusyException busy) {
            throw new PostNotDueException(WaitReason.TRANSCODER_BUSY, lifecycle.now().plus(busyWait),
                    "every video transcoding slot is taken");
        } catch (VideoToolsUnavailableException unavailable) {
            throw new PostNotDueException(WaitReason.VIDEO_TOOLS_UNAVAILABLE, lifecycle.now().plus(TOOLS_UNAVAILABLE_WAIT),
                    unavailable.getMessage());
        }
    }

    public double displayAspectRatio(Path source) throws MediaRejectedException {
        try {
            return probe.probe(source).aspectRatio();
        } catch (VideoToolsUnavailableException unavailable) {
            throw new PostNotDueException(WaitReason.VIDEO_TOOLS_UNAVAILABLE, lifecycle.now().plus(TOOLS_UNAVAILABLE_WAIT),
                    unavailable.getMessage());
        }
    }

    /** Carousel video children stay within the legacy feed video range (4:5 to 16:9). */
    public double carouselMaxAspectRatio() {
        return preparation.rules(VideoTarget.CAROUSEL_ITEM).maxAspectRatio();
    }
}
