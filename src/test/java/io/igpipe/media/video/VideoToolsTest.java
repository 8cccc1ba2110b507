package io.igpipe.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.igpipe.media.video.VideoToolsStatus.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** Finding ffmpeg: configured system tools first, else the bundled ones, and a clear reason when neither runs. */
class VideoToolsTest {

    @TempDir
    Path dir;

    private static Health healthOf(VideoTools tools) {
        return new VideoToolsHealthIndicator(tools, TestVideos.transcoder(tools, TranscodeSettings.defaults())).health();
    }

    @Test
    void bundledToolsAreExtractedIntoAVersionedFolderAndReportedUp() {
        VideoToolsStatus status = TestVideos.bundledTools().status();

        assertThat(status.available()).isTrue();
        assertThat(status.source()).isEqualTo(Source.BUNDLED);
        assertThat(status.version()).isEqualTo("8.0.1");
        assertThat(status.ffmpeg().getParent().getFileName()).hasToString("ffmpeg-8.0.1-1.5.13");
        assertThat(status.ffprobe()).isEqualTo(status.ffmpeg().resolveSibling("ffprobe"));
        assertThat(status.ffmpeg().resolveSibling("libavcodec.so.62")).isRegularFile();
        Health health = healthOf(TestVideos.bundledTools());
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("source", "BUNDLED").containsEntry("version", "8.0.1")
                .containsEntry("maxConcurrentTranscodes", 1).doesNotContainKey("reason");
    }

    @Test
    void twoJvmsExtractingAtOnceShareOneCompleteFolderWhichLaterStartsReuse() throws Exception {
        Path toolsDir = dir.resolve("tools");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            List<Future<VideoToolsStatus>> results = Stream.of(1, 2).map(racer -> racers.submit(() -> {
                start.await();
                return new VideoTools(null, null, toolsDir).status();
            })).toList();
            start.countDown();
            VideoToolsStatus first = results.get(0).get();
            VideoToolsStatus second = results.get(1).get();

            assertThat(first.available()).as(String.valueOf(first.reason())).isTrue();
            assertThat(second.available()).as(String.valueOf(second.reason())).isTrue();
            assertThat(second.ffmpeg()).isEqualTo(first.ffmpeg());
        } finally {
            racers.shutdownNow();
        }
        try (Stream<Path> entries = Files.list(toolsDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).as("no staging folder left behind")
                    .containsExactly("ffmpeg-8.0.1-1.5.13");
        }
        Path ffmpeg = toolsDir.resolve("ffmpeg-8.0.1-1.5.13/ffmpeg");
        FileTime extracted = Files.getLastModifiedTime(ffmpeg);

        VideoToolsStatus restarted = new VideoTools(null, null, toolsDir).status();

        assertThat(restarted.available()).isTrue();
        assertThat(Files.getLastModifiedTime(ffmpeg)).as("reused, not extracted again").isEqualTo(extracted);
    }

    @Test
    void configuredSystemFfmpegTakesPrecedenceOverTheBundledOne() throws Exception {
        Path log = dir.resolve("calls.log");
        Path ffmpeg = TestVideos.loggingWrapper(dir.resolve("bin/ffmpeg"), "ffmpeg", log);
        TestVideos.loggingWrapper(dir.resolve("bin/ffprobe"), "ffprobe", log);
        Path toolsDir = dir.resolve("tools");
        VideoTools tools = new VideoTools(ffmpeg, null, toolsDir);

        VideoToolsStatus status = tools.status();

        assertThat(status.available()).as(String.valueOf(status.reason())).isTrue();
        assertThat(status.source()).isEqualTo(Source.SYSTEM);
        assertThat(status.ffmpeg()).isEqualTo(ffmpeg);
        assertThat(status.ffprobe()).as("found next to ffmpeg").isEqualTo(dir.resolve("bin/ffprobe"));
        Files.delete(log);
        Path source = TestVideos.clip(dir.resolve("15fps.mp4")).frameRate(15).write();

        PreparedVideo prepared = TestVideos.preparation(TestVideos.transcoder(tools, TranscodeSettings.defaults()),
                tools).prepare(source, VideoTarget.REELS, null, dir.resolve("out.mp4"));

        assertThat(prepared.transcoded()).isTrue();
        assertThat(Files.readAllLines(log)).as("probe, transcode, probe of the output")
                .containsExactly("ffprobe", "ffmpeg", "ffprobe");
        assertThat(toolsDir).as("nothing extracted").doesNotExist();
    }

    @Test
    void nonExecutableFfmpegIsUnavailableWithAReasonAndHealthIsDegraded() throws Exception {
        Path ffmpeg = Files.writeString(dir.resolve("ffmpeg"), "not a program");
        Path ffprobe = TestVideos.loggingWrapper(dir.resolve("ffprobe"), "ffprobe", dir.resolve("calls.log"));
        VideoTools tools = new VideoTools(ffmpeg, ffprobe, dir.resolve("tools"));

        VideoToolsStatus status = tools.status();

        assertThat(status.available()).isFalse();
        assertThat(status.reason()).isEqualTo("the configured ffmpeg (" + ffmpeg + ") is not executable (chmod +x it);"
                + " fix igpipe.media.video.ffmpeg-path / ffprobe-path, or remove both to use the bundled ffmpeg");
        Health health = healthOf(tools);
        assertThat(health.getStatus()).isEqualTo(VideoToolsHealthIndicator.DEGRADED);
        assertThat(health.getDetails()).containsEntry("available", false).containsEntry("source", "SYSTEM")
                .containsEntry("reason", status.reason());
        assertThatThrownBy(() -> new VideoProbe(tools, TranscodeSettings.defaults().probeTimeout())
                .probe(ffprobe))
                .isInstanceOf(VideoToolsUnavailableException.class)
                .hasMessage("Video tools are not usable: " + status.reason());
    }

    @Test
    void missingSharedLibraryNamesThePackageToInstall() throws Exception {
        // What the dynamic loader prints when the bundled ffmpeg runs on a machine without libpulse0.
        String loaderError = "error while loading shared libraries: libpulse.so.0: cannot open shared object file:"
                + " No such file or directory";
        Path ffmpeg = TestVideos.script(dir.resolve("ffmpeg"), "echo \"$0: " + loaderError + "\" >&2\nexit 127\n");
        Path ffprobe = TestVideos.script(dir.resolve("ffprobe"), "exit 0\n");

        VideoToolsStatus status = new VideoTools(ffmpeg, ffprobe, dir.resolve("tools")).status();

        assertThat(status.available()).isFalse();
        assertThat(status.reason()).isEqualTo("the configured ffmpeg (" + ffmpeg + ") cannot start: the shared library"
                + " libpulse.so.0 is missing; install libpulse0 (apt-get install libpulse0) or set"
                + " igpipe.media.video.ffmpeg-path to an ffmpeg that runs on this machine");
    }

    @Test
    void ffprobePathWithoutFfmpegNextToItAsksForTheOtherSetting() throws Exception {
        Path ffprobe = TestVideos.loggingWrapper(dir.resolve("alone/ffprobe"), "ffprobe", dir.resolve("calls.log"));

        VideoToolsStatus status = new VideoTools(null, ffprobe, dir.resolve("tools")).status();

        assertThat(status.available()).isFalse();
        assertThat(status.reason()).isEqualTo("there is no ffmpeg next to " + ffprobe
                + "; set igpipe.media.video.ffmpeg-path");
    }
}
