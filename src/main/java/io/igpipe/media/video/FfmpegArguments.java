package io.igpipe.media.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The ffmpeg command lines igpipe runs, built from a plan; no file names other than input and output. */
final class FfmpegArguments {

    /** Keyframe interval in seconds: short enough for seeking in the app, long enough not to waste bits. */
    private static final int GOP_SECONDS = 2;
    private static final String JPEG_QUALITY = "2";

    private FfmpegArguments() {
    }

    /** Quiet, never reading stdin, never asking before overwriting (the output is always our own temp file). */
    private static List<String> common() {
        return new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error", "-y"));
    }

    static List<String> transcode(Path source, VideoFacts facts, TranscodePlan plan, TranscodeSettings settings,
            Path output) {
        List<String> arguments = common();
        arguments.addAll(VideoProbe.inputArguments(source));
        arguments.addAll(List.of("-map", "0:v:0"));
        if (plan.audio() != TranscodePlan.AudioHandling.NONE) {
            arguments.addAll(List.of("-map", "0:a:0"));
        }
        // Camera make, GPS position, chapters, subtitles and data tracks have no place in a public post.
        arguments.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1", "-sn", "-dn"));
        arguments.addAll(plan.encodeVideo() ? videoEncoding(plan, settings) : videoCopy(facts));
        arguments.addAll(audio(facts, plan));
        // Instagram wants no edit lists. Without them a copied stream's start offset or the encoder delay is kept
        // in the timestamps instead (at most a couple of frames); edits that change playback never reach here:
        // such sources are re-encoded, which applies them.
        arguments.addAll(List.of("-use_editlist", "0", "-movflags", "+faststart", "-f", "mp4",
                "file:" + output.toAbsolutePath()));
        return arguments;
    }

    private static List<String> videoEncoding(TranscodePlan plan, TranscodeSettings settings) {
        FrameRate rate = plan.frameRate();
        // yadif only touches frames flagged interlaced, so it is harmless on progressive input.
        String filters = "yadif=deint=interlaced," + plan.geometry().filter() + ",setsar=1,fps=" + rate.ffmpegValue()
                + ",format=yuv420p";
        long maxrate = plan.videoMaxBitrate();
        int gop = Math.max(1, (int) Math.round(rate.value() * GOP_SECONDS));
        return List.of("-vf", filters,
                "-c:v", "libx264", "-preset", settings.preset(), "-crf", Integer.toString(settings.crf()),
                "-maxrate", Long.toString(maxrate), "-bufsize", Long.toString(2 * maxrate),
                "-profile:v", "high", "-pix_fmt", "yuv420p",
                // Instagram wants closed GOPs; x264 makes them by default, this keeps it so whatever the preset.
                "-flags", "+cgop", "-g", Integer.toString(gop),
                "-threads", Integer.toString(settings.threads()),
                // ffmpeg turns the pixels upright; older versions also copied the rotate tag, undoing it.
                "-metadata:s:v:0", "rotate=0");
    }

    private static List<String> videoCopy(VideoFacts facts) {
        if (facts.videoCodec().equals("hevc")) {
            // ffmpeg's default MP4 tag for HEVC is hev1; Apple devices, and so many viewers, only play hvc1.
            return List.of("-c:v", "copy", "-tag:v", "hvc1");
        }
        return List.of("-c:v", "copy");
    }

    private static List<String> audio(VideoFacts facts, TranscodePlan plan) {
        VideoRules rules = plan.rules();
        return switch (plan.audio()) {
            case NONE -> List.of("-an");
            case COPY -> List.of("-c:a", "copy");
            case ENCODE -> List.of("-c:a", "aac", "-b:a", Long.toString(rules.audioBitrate()),
                    "-ar", Integer.toString(rules.audioSampleRate()),
                    // Mono stays mono (an upmix would only spend bits); more channels are down-mixed.
                    "-ac", Integer.toString(Math.max(1, Math.min(facts.audioChannels(), rules.maxAudioChannels()))));
        };
    }

    /** One frame at {@code offsetMillis} as a JPEG, upright, without metadata. */
    static List<String> frame(Path video, long offsetMillis, Path jpeg) {
        List<String> arguments = common();
        // -ss before the input seeks by index, then decodes to the exact frame: fast and accurate.
        arguments.addAll(List.of("-ss", String.format(Locale.ROOT, "%.3f", offsetMillis / 1000.0)));
        arguments.addAll(VideoProbe.inputArguments(video));
        arguments.addAll(List.of("-map", "0:v:0", "-frames:v", "1", "-map_metadata", "-1", "-q:v", JPEG_QUALITY,
                "-f", "image2", "-update", "1", "file:" + jpeg.toAbsolutePath()));
        return arguments;
    }
}
