package io.igpipe.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.igpipe.media.video.VideoToolsStatus;

/**
 * Makes real video clips at test time with the same ffmpeg the app uses (lavfi test patterns and a sine tone), so
 * the pipeline probes and transcodes real files and the sandbox reads real MP4 boxes.
 */
final class TestClips {

    private final VideoToolsStatus tools;
    private final Path dir;

    TestClips(VideoToolsStatus tools, Path dir) {
        if (!tools.available()) {
            throw new IllegalStateException("ffmpeg is needed to make test clips: " + tools.reason());
        }
        this.tools = tools;
        this.dir = dir;
    }

    /** H.264 + AAC 48 kHz MP4 of {@code size} (e.g. "3840x2160"), moov first. */
    byte[] h264(String name, String size, int fps, double seconds) throws IOException {
        return make(name + ".mp4", size, fps, seconds, List.of("-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-ar", "48000", "-movflags", "+faststart"));
    }

    /** HEVC (tagged hvc1, as Apple devices write it) + AAC in MP4. */
    byte[] hevc(String name, String size, int fps, double seconds) throws IOException {
        return make(name + ".mp4", size, fps, seconds, List.of("-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "log-level=error", "-tag:v", "hvc1", "-pix_fmt", "yuv420p", "-c:a", "aac"));
    }

    /** VP9 + Opus in WebM: Instagram takes neither, so the pipeline must transcode it. */
    byte[] vp9(String name, String size, int fps, double seconds) throws IOException {
        return make(name + ".webm", size, fps, seconds, List.of("-c:v", "libvpx-vp9", "-deadline", "realtime",
                "-cpu-used", "8", "-b:v", "500k", "-c:a", "libopus"));
    }

    private byte[] make(String fileName, String size, int fps, double seconds, List<String> encoding) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve(fileName);
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-y", "-hide_banner",
                "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + fps + ":duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds));
        command.addAll(encoding);
        command.add("-shortest");
        command.add(out.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(fileName + ".log").toFile());
        // the bundled ffmpeg finds its shared libraries next to it
        builder.environment().put("LD_LIBRARY_PATH", tools.ffmpeg().getParent().toString());
        try {
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("ffmpeg could not make " + fileName + ": "
                        + Files.readString(dir.resolve(fileName + ".log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return Files.readAllBytes(out);
    }
}
