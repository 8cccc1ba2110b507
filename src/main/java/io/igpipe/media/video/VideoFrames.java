package io.igpipe.media.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.igpipe.media.MediaErrorCode;
import io.igpipe.media.MediaRejectedException;

/**
 * Single frames of a video, for a Reel cover or a preview: the JPEG written here is the input of the image
 * pipeline ({@code ImageOptimizer}), which makes it Instagram-ready. Not limited by the transcode slots: one
 * frame costs a fraction of a second.
 */
public class VideoFrames {

    private final VideoTools tools;
    private final VideoProbe probe;
    private final Duration timeout;

    public VideoFrames(VideoTools tools, VideoProbe probe, Duration timeout) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** How long {@code video} plays, e.g. to validate a {@code thumb_offset} before publishing. */
    public long durationMillis(Path video) throws MediaRejectedException {
        return probe.probe(video).durationMillis();
    }

    /**
     * Writes the frame shown at {@code offsetMillis} as an upright JPEG without metadata to {@code jpegOut}
     * (atomically) and returns {@code jpegOut}.
     *
     * @throws IllegalArgumentException when the offset is negative or not before the end of the video
     * @throws MediaRejectedException   VIDEO_UNREADABLE / VIDEO_NO_VIDEO_STREAM for the video,
     *                                  VIDEO_TRANSCODE_FAILED when ffmpeg produces no frame
     */
    public Path extractFrame(Path video, long offsetMillis, Path jpegOut) throws MediaRejectedException {
        Objects.requireNonNull(jpegOut, "jpegOut");
        long duration = durationMillis(video);
        if (offsetMillis < 0 || offsetMillis >= duration) {
            throw new IllegalArgumentException("Frame offset " + offsetMillis + " ms is outside " + video.getFileName()
                    + ", which plays " + duration + " ms");
        }
        String name = String.valueOf(video.getFileName());
        Path temporary = OutputFiles.temporarySibling(jpegOut);
        try {
            ToolProcess.Outcome outcome = ToolProcess.run(
                    tools.ffmpeg(FfmpegArguments.frame(video, offsetMillis, temporary)), timeout);
            if (!outcome.succeeded() || !Files.isRegularFile(temporary) || Files.size(temporary) == 0) {
                String why = outcome.timedOut() ? "it took longer than " + timeout.toSeconds() + " s"
                        : outcome.succeeded() ? "ffmpeg found no frame there" : outcome.stderrSummary();
                throw new MediaRejectedException(MediaErrorCode.VIDEO_TRANSCODE_FAILED, "Cannot take the frame at "
                        + offsetMillis + " ms of " + name + ": " + why + ". Choose another offset.");
            }
            OutputFiles.moveIntoPlace(temporary, jpegOut);
            return jpegOut;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract a frame of " + video, e);
        } finally {
            OutputFiles.deleteQuietly(temporary);
        }
    }
}
