package io.igpipe.media.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.igpipe.media.MediaRejectedException;

/**
 * Test videos made at run time with the bundled ffmpeg ({@code testsrc2} picture, {@code sine} tone), and the video
 * beans wired without Spring. The bundled tools are extracted once per build into {@code <build dir>/video-tools}.
 */
final class TestVideos {

    private static final Duration GENERATE_TIMEOUT = Duration.ofMinutes(2);
    private static VideoTools bundled;

    private TestVideos() {
    }

    /** The bundled tools, extracted into the build directory on first use. */
    static synchronized VideoTools bundledTools() {
        if (bundled == null) {
            bundled = new VideoTools(null, null, buildDirectory().resolve("video-tools"));
            VideoToolsStatus status = bundled.status();
            if (!status.available()) {
                throw new IllegalStateException("The bundled ffmpeg does not run here: " + status.reason());
            }
        }
        return bundled;
    }

    /** The folder holding ffmpeg, ffprobe and their libraries. */
    static Path bundledFolder() {
        return bundledTools().status().ffmpeg().getParent();
    }

    static Path buildDirectory() {
        try {
            return Path.of(TestVideos.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static VideoProbe probe() {
        return new VideoProbe(bundledTools(), TranscodeSettings.defaults().probeTimeout());
    }

    static VideoFacts probe(Path video) {
        try {
            return probe().probe(video);
        } catch (MediaRejectedException e) {
            throw new AssertionError("Cannot probe " + video + ": " + e.getMessage(), e);
        }
    }

    static Map<VideoTarget, VideoRules> defaultRules() {
        Map<VideoTarget, VideoRules> rules = new EnumMap<>(VideoTarget.class);
        for (VideoTarget target : VideoTarget.values()) {
            rules.put(target, VideoRules.defaults(target));
        }
        return rules;
    }

    static VideoPreparation preparation(VideoTranscoder transcoder, VideoTools tools) {
        return new VideoPreparation(new VideoProbe(tools, TranscodeSettings.defaults().probeTimeout()), transcoder,
                defaultRules());
    }

    static VideoTranscoder transcoder(VideoTools tools, TranscodeSettings settings) {
        return new VideoTranscoder(tools, new VideoProbe(tools, settings.probeTimeout()), settings, 1);
    }

    /** Writes an executable shell script. */
    static Path script(Path file, String body) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** A script that runs the bundled {@code tool}, first appending its name to {@code log}. */
    static Path loggingWrapper(Path file, String tool, Path log) throws IOException {
        Path folder = bundledFolder();
        return script(file, "echo " + tool + " >> '" + log + "'\n"
                + "LD_LIBRARY_PATH='" + folder + "' exec '" + folder.resolve(tool) + "' \"$@\"\n");
    }

    static Clip clip(Path output) {
        return new Clip(output);
    }

    /** A synthetic clip: moving test pattern, optionally a 440 Hz tone, encoded as asked. */
    static final class Clip {
        private final Path output;
        private int width = 320;
        private int height = 240;
        private int frameRate = 30;
        private double seconds = 3.5;
        private int audioSampleRate = 48_000;
        private int audioChannels = 2;
        private boolean audio = true;
        private boolean picture = true;
        private List<String> videoCodec = List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        private List<String> audioCodec = List.of("-c:a", "aac", "-b:a", "96k");
        private final List<String> extra = new ArrayList<>();

        private Clip(Path output) {
            this.output = output;
        }

        Clip size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        Clip frameRate(int frameRate) {
            this.frameRate = frameRate;
            return this;
        }

        Clip seconds(double seconds) {
            this.seconds = seconds;
            return this;
        }

        Clip audio(int sampleRate, int channels) {
            this.audioSampleRate = sampleRate;
            this.audioChannels = channels;
            return this;
        }

        Clip noAudio() {
            this.audio = false;
            return this;
        }

        /** Audio only, like a song or a voice memo. */
        Clip noVideo() {
            this.picture = false;
            return this;
        }

        Clip video(String... codecOptions) {
            this.videoCodec = List.of(codecOptions);
            return this;
        }

        Clip audioCodec(String... codecOptions) {
            this.audioCodec = List.of(codecOptions);
            return this;
        }

        /** Output options after the codecs, e.g. {@code -movflags +faststart}. */
        Clip with(String... options) {
            extra.addAll(List.of(options));
            return this;
        }

        Path write() {
            List<String> arguments = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
            List<String> maps = new ArrayList<>();
            if (picture) {
                arguments.addAll(List.of("-f", "lavfi", "-i",
                        String.format(Locale.ROOT, "testsrc2=size=%dx%d:rate=%d", width, height, frameRate)));
                maps.addAll(List.of("-map", "0:v"));
                maps.addAll(videoCodec);
            }
            if (audio) {
                arguments.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=" + audioSampleRate));
                maps.addAll(List.of("-map", (picture ? "1" : "0") + ":a"));
                maps.addAll(audioCodec);
                maps.addAll(List.of("-ac", Integer.toString(audioChannels)));
            }
            arguments.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", seconds)));
            arguments.addAll(maps);
            arguments.addAll(extra);
            arguments.add(output.toString());
            run(arguments);
            return output;
        }
    }

    /** Runs the bundled ffmpeg with {@code arguments}; fails the test when it fails. */
    static ToolProcess.Outcome run(List<String> arguments) {
        try {
            ToolProcess.Outcome outcome = ToolProcess.run(bundledTools().ffmpeg(arguments), GENERATE_TIMEOUT);
            if (!outcome.succeeded()) {
                throw new IllegalStateException("ffmpeg failed in a test: " + outcome.stderrSummary());
            }
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hash of the video stream's compressed packets: equal hashes mean the stream was copied, not re-encoded. */
    static String videoPacketsHash(Path video) {
        return run(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-i", video.toString(),
                "-map", "0:v:0", "-c", "copy", "-f", "hash", "-hash", "sha256", "-")).stdoutText().trim();
    }

    /** Adds a display rotation to {@code source} without re-encoding (what phones write when held upright). */
    static Path rotated(Path source, int counterClockwiseDegrees, Path output) {
        run(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-display_rotation:v:0", Integer.toString(counterClockwiseDegrees), "-i", source.toString(),
                "-c", "copy", output.toString()));
        return output;
    }
}
