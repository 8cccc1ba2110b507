package io.igpipe.media.video;

import java.nio.file.Path;

/**
 * Whether ffmpeg and ffprobe can be used, and which ones. Shown by the {@code videoTools} health indicator.
 *
 * @param available whether both tools started and ffmpeg has the encoders igpipe needs
 * @param source    SYSTEM (configured paths) or BUNDLED (extracted from the bytedeco jar)
 * @param ffmpeg    the ffmpeg executable tried; null when it could not even be located
 * @param ffprobe   the ffprobe executable tried; null when it could not even be located
 * @param version   ffmpeg's version as it reports it (e.g. {@code 8.0.1}); null when unavailable
 * @param reason    why the tools are unavailable and what to do about it; null when available
 */
public record VideoToolsStatus(boolean available, Source source, Path ffmpeg, Path ffprobe, String version,
        String reason) {

    /** Where the executables come from. */
    public enum Source {
        /** Configured in {@code igpipe.media.video.ffmpeg-path} / {@code ffprobe-path}. */
        SYSTEM,
        /** Extracted from the {@code org.bytedeco:ffmpeg} jar (GPL build). */
        BUNDLED
    }

    static VideoToolsStatus usable(Source source, Path ffmpeg, Path ffprobe, String version) {
        return new VideoToolsStatus(true, source, ffmpeg, ffprobe, version, null);
    }

    static VideoToolsStatus unusable(Source source, Path ffmpeg, Path ffprobe, String reason) {
        return new VideoToolsStatus(false, source, ffmpeg, ffprobe, null, reason);
    }
}
