package io.igpipe.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.igpipe.media.MediaErrorCode;
import io.igpipe.media.MediaRejectedException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Videos that cannot be published are rejected with a stable code and a message saying what to do. */
class VideoRejectionTest {

    private static VideoTranscoder transcoder;
    private static VideoPreparation preparation;

    @TempDir
    Path dir;

    @BeforeAll
    static void wire() {
        VideoTools tools = TestVideos.bundledTools();
        transcoder = TestVideos.transcoder(tools, TranscodeSettings.defaults());
        preparation = TestVideos.preparation(transcoder, tools);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Path source, VideoTarget target,
            MediaErrorCode code) {
        Path output = dir.resolve("out/video.mp4");
        AbstractThrowableAssert<?, ? extends Throwable> rejection =
                assertThatThrownBy(() -> preparation.prepare(source, target, null, output))
                        .isInstanceOfSatisfying(MediaRejectedException.class, e -> assertThat(e.code()).isEqualTo(code));
        assertThat(output).as("nothing written for a rejected video").doesNotExist();
        return rejection;
    }

    @Test
    void tooShortIsRejected() {
        Path source = TestVideos.clip(dir.resolve("blink.mp4")).seconds(2).write();

        assertRejected(source, VideoTarget.REELS, MediaErrorCode.VIDEO_TOO_SHORT)
                .hasMessage("blink.mp4 plays 2.0 s; a REELS video must play at least 3.0 s. Use a longer clip.");
    }

    @Test
    void tooLongForAStoryIsRejectedNotTrimmed() {
        Path source = TestVideos.clip(dir.resolve("long.mp4")).size(160, 120).frameRate(5).seconds(61).noAudio()
                .write();

        assertRejected(source, VideoTarget.STORY, MediaErrorCode.VIDEO_TOO_LONG)
                .hasMessage("long.mp4 plays 61.0 s; a STORY video may play at most 60.0 s. igpipe does not cut videos:"
                        + " trim it or publish it as a Reel and drop it again.");
    }

    @Test
    void maxDurationGuardStopsTheTranscoderBeforeFfmpegRuns() throws Exception {
        Path source = TestVideos.clip(dir.resolve("four-seconds.mp4")).seconds(4).frameRate(15).write();
        VideoFacts facts = TestVideos.probe(source);
        VideoRules guarded = VideoRules.defaults(VideoTarget.REELS).withMaxDuration(Duration.ofSeconds(3).plusMillis(500));
        Path output = dir.resolve("guarded.mp4");

        assertThatThrownBy(() -> transcoder.transcode(source, facts, transcoder.plan(facts, guarded, null), output))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(MediaErrorCode.VIDEO_TOO_LONG))
                .hasMessageContaining("may play at most 3.5 s");
        assertThat(output).doesNotExist();
    }

    @Test
    void garbageIsUnreadable() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Path source = Files.write(dir.resolve("holiday.mp4"), noise);

        assertRejected(source, VideoTarget.REELS, MediaErrorCode.VIDEO_UNREADABLE)
                .hasMessageStartingWith("holiday.mp4 is not a video igpipe can read (ffprobe: ")
                .hasMessageEndingWith("export or copy the video again.");
    }

    @Test
    void stillImageIsUnreadable() throws Exception {
        Path source = dir.resolve("poster.png");
        TestVideos.run(List.of("-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240", "-frames:v", "1", "-update", "1", source.toString()));

        assertRejected(source, VideoTarget.REELS, MediaErrorCode.VIDEO_UNREADABLE)
                .hasMessageContaining("igpipe accepts MP4, MOV, WebM/MKV");
    }

    @Test
    void playlistPretendingToBeAVideoIsNotFollowed() throws Exception {
        // An HLS playlist would make ffmpeg read the files (or URLs) it lists; only real containers are opened.
        Path secret = Files.writeString(dir.resolve("secret.ts"), "not for Instagram");
        Path source = Files.writeString(dir.resolve("clip.mp4"), "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n"
                + secret + "\n#EXT-X-ENDLIST\n");

        assertRejected(source, VideoTarget.REELS, MediaErrorCode.VIDEO_UNREADABLE);
    }

    @Test
    void audioOnlyHasNoVideoStream() {
        Path source = TestVideos.clip(dir.resolve("song.m4a")).noVideo().write();

        assertRejected(source, VideoTarget.REELS, MediaErrorCode.VIDEO_NO_VIDEO_STREAM)
                .hasMessage("song.m4a has no video stream (it is audio only). Drop a video file.");
    }
}
