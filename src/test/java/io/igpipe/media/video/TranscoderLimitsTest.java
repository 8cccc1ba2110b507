package io.igpipe.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import io.igpipe.media.MediaErrorCode;
import io.igpipe.media.MediaRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transcoder never queues callers and never lets ffmpeg run past its timeout. */
class TranscoderLimitsTest {

    @TempDir
    Path dir;

    @Test
    void callerFindingNoFreeSlotIsRefusedAtOnceAndNothingRuns() throws Exception {
        VideoTools tools = TestVideos.bundledTools();
        VideoTranscoder transcoder = TestVideos.transcoder(tools, TranscodeSettings.defaults());
        VideoPreparation preparation = TestVideos.preparation(transcoder, tools);
        Path source = TestVideos.clip(dir.resolve("15fps.mp4")).frameRate(15).write();
        Path output = dir.resolve("out/30fps.mp4");

        try (TranscodeSlots.Slot taken = transcoder.slots().tryAcquire()) {
            assertThatThrownBy(() -> preparation.prepare(source, VideoTarget.REELS, null, output))
                    .isInstanceOfSatisfying(TranscoderBusyException.class, e -> assertThat(e.slots()).isEqualTo(1))
                    .hasMessage("All 1 video transcode slot(s) are busy; try again later");
            assertThat(output.getParent()).as("ffmpeg never started").doesNotExist();
        }

        PreparedVideo prepared = preparation.prepare(source, VideoTarget.REELS, null, output);
        assertThat(prepared.transcoded()).as("the freed slot is usable").isTrue();
        assertThat(transcoder.slots().inUse()).isZero();
    }

    @Test
    void compliantFileNeedsNoSlot() throws Exception {
        VideoTools tools = TestVideos.bundledTools();
        VideoTranscoder transcoder = TestVideos.transcoder(tools, TranscodeSettings.defaults());
        Path source = TestVideos.clip(dir.resolve("ready.mp4")).with("-movflags", "+faststart").write();

        try (TranscodeSlots.Slot taken = transcoder.slots().tryAcquire()) {
            PreparedVideo prepared = TestVideos.preparation(transcoder, tools)
                    .prepare(source, VideoTarget.REELS, null, dir.resolve("copy.mp4"));
            assertThat(prepared.transcoded()).isFalse();
        }
    }

    @Test
    void ffmpegPastItsTimeoutIsKilledWithItsChildren() throws Exception {
        Path childPid = dir.resolve("child.pid");
        Path realFfmpeg = TestVideos.bundledFolder().resolve("ffmpeg");
        // Answers the availability check like ffmpeg, then hangs in a child process, as a stuck filter would.
        Path hanging = TestVideos.script(dir.resolve("ffmpeg"), "case \"$*\" in\n"
                + "  *-version*|*-encoders*) LD_LIBRARY_PATH='" + realFfmpeg.getParent() + "' exec '" + realFfmpeg
                + "' \"$@\";;\n"
                + "esac\n"
                + "sleep 600 &\n"
                + "echo $! > '" + childPid + "'\n"
                + "wait\n");
        TestVideos.loggingWrapper(dir.resolve("ffprobe"), "ffprobe", dir.resolve("calls.log"));
        VideoTools tools = new VideoTools(hanging, null, dir.resolve("tools"));
        TranscodeSettings settings = TranscodeSettings.defaults().withProcessTimeout(Duration.ofSeconds(1));
        VideoTranscoder transcoder = TestVideos.transcoder(tools, settings);
        Path source = TestVideos.clip(dir.resolve("in.mp4")).frameRate(15).write();
        Path output = dir.resolve("out.mp4");

        assertThatThrownBy(() -> TestVideos.preparation(transcoder, tools)
                .prepare(source, VideoTarget.REELS, null, output))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(MediaErrorCode.VIDEO_TRANSCODE_FAILED))
                .hasMessage("Transcoding in.mp4 did not finish within 1.0 s and ffmpeg was stopped. Drop a shorter or"
                        + " smaller video, or raise igpipe.media.video.process-timeout.");

        long pid = Long.parseLong(Files.readString(childPid).trim());
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        assertThat(child.map(ProcessHandle::isAlive)).as("the hanging child was killed too").isIn(Optional.empty(),
                Optional.of(false));
        assertThat(transcoder.slots().inUse()).as("slot released").isZero();
        assertThat(output).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".part"));
        }
    }
}
