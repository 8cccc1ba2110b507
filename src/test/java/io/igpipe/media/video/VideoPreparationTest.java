package io.igpipe.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.igpipe.media.AspectFix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real clips through {@link VideoPreparation}; every assertion is on ffprobe's view of the written file. */
class VideoPreparationTest {

    private static VideoPreparation preparation;

    @TempDir
    Path dir;

    @BeforeAll
    static void wire() {
        VideoTools tools = TestVideos.bundledTools();
        preparation = TestVideos.preparation(TestVideos.transcoder(tools, TranscodeSettings.defaults()), tools);
    }

    /** What every rewritten output must be, whatever the source. */
    private static VideoFacts assertInstagramReady(PreparedVideo prepared) {
        VideoFacts out = TestVideos.probe(prepared.path());
        assertThat(out).as("the returned facts are the written file's").isEqualTo(prepared.facts());
        assertThat(out.isMp4()).as("MP4 container").isTrue();
        assertThat(out.moovBeforeMdat()).as("faststart").isTrue();
        assertThat(out.complexEditList()).isFalse();
        assertThat(out.videoCodec()).isIn("h264", "hevc");
        assertThat(out.pixelFormat()).isEqualTo("yuv420p");
        assertThat(out.rotation()).as("no rotation metadata").isZero();
        assertThat(out.variableFrameRate()).as("constant frame rate").isFalse();
        assertThat(out.frameRate().value()).isBetween(23.0, 60.0);
        assertThat(out.displayWidth()).isLessThanOrEqualTo(1920);
        assertThat(out.width() % 2 + out.height() % 2).as("even sides").isZero();
        if (out.hasAudio()) {
            assertThat(out.audioCodec()).isEqualTo("aac");
            assertThat(out.audioSampleRate()).isEqualTo(48_000);
            assertThat(out.audioChannels()).isBetween(1, 2);
        }
        return out;
    }

    @Test
    void fourKLandscapeBecomes1080p() throws Exception {
        Path source = TestVideos.clip(dir.resolve("4k.mp4")).size(3840, 2160).frameRate(30).seconds(3.2)
                .audio(44_100, 2).write();

        PreparedVideo prepared = preparation.prepare(source, VideoTarget.REELS, null, dir.resolve("out/4k.mp4"));

        VideoFacts out = assertInstagramReady(prepared);
        assertThat(prepared.transcoded()).isTrue();
        assertThat(prepared.plan().reasons()).contains("3840 px wide, more than 1920");
        assertThat(out.videoCodec()).isEqualTo("h264");
        assertThat(out.videoProfile()).isEqualTo("High");
        assertThat(out.width()).isEqualTo(1920);
        assertThat(out.height()).isEqualTo(1080);
        assertThat(out.frameRate()).isEqualTo(new FrameRate(30, 1));
        assertThat(out.audioSampleRate()).as("44.1 kHz resampled").isEqualTo(48_000);
        assertThat(out.durationMillis()).isCloseTo(3200, within(150L));
        assertThat(out.videoBitrate()).isLessThanOrEqualTo(VideoRules.DEFAULT_TARGET_VIDEO_BITRATE * 11 / 10);
    }

    @Test
    void rotatedPortraitHevcBecomesUprightH264() throws Exception {
        Path landscape = TestVideos.clip(dir.resolve("hevc.mp4")).size(640, 360)
                .video("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error",
                        "-pix_fmt", "yuv420p")
                .with("-movflags", "+faststart").write();
        Path source = TestVideos.rotated(landscape, 90, dir.resolve("phone.mp4"));
        VideoFacts in = TestVideos.probe(source);
        assertThat(in.videoCodec()).isEqualTo("hevc");
        assertThat(in.rotation()).isEqualTo(270);
        assertThat(in.displayWidth()).isEqualTo(360);
        assertThat(in.displayHeight()).isEqualTo(640);

        PreparedVideo prepared = preparation.prepare(source, VideoTarget.REELS, null, dir.resolve("phone-out.mp4"));

        VideoFacts out = assertInstagramReady(prepared);
        assertThat(prepared.plan().reasons()).contains("rotated 270 degrees by metadata");
        assertThat(out.videoCodec()).isEqualTo("h264");
        assertThat(out.width()).as("stored portrait, rotation in the pixels").isEqualTo(360);
        assertThat(out.height()).isEqualTo(640);
    }

    @Test
    void vp9WebmBecomesH264Mp4() throws Exception {
        Path source = TestVideos.clip(dir.resolve("clip.webm")).size(320, 240)
                .video("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k")
                .audioCodec("-c:a", "libopus", "-b:a", "64k").write();
        VideoFacts in = TestVideos.probe(source);
        assertThat(in.container()).contains("webm");
        assertThat(in.audioCodec()).isEqualTo("opus");

        PreparedVideo prepared = preparation.prepare(source, VideoTarget.STORY, null, dir.resolve("clip.mp4"));

        VideoFacts out = assertInstagramReady(prepared);
        assertThat(out.videoCodec()).isEqualTo("h264");
        assertThat(out.audioCodec()).isEqualTo("aac");
        assertThat(out.width()).isEqualTo(320);
        assertThat(out.height()).isEqualTo(240);
    }

    @Test
    void compliantFileIsCopiedAsIs() throws Exception {
        Path source = TestVideos.clip(dir.resolve("ready.mp4")).size(640, 360)
                .video("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p")
                .with("-movflags", "+faststart").write();

        PreparedVideo prepared = preparation.prepare(source, VideoTarget.REELS, null, dir.resolve("copy.mp4"));

        assertThat(prepared.transcoded()).isFalse();
        assertThat(prepared.plan().reasons()).isEmpty();
        assertThat(Files.mismatch(source, prepared.path())).as("byte for byte the source").isEqualTo(-1);
        assertInstagramReady(prepared);
    }

    @Test
    void moovAtTheEndIsRemuxedWithFaststartWithoutReencoding() throws Exception {
        Path source = TestVideos.clip(dir.resolve("slow-start.mp4")).size(640, 360).write();
        VideoFacts in = TestVideos.probe(source);
        assertThat(in.moovBeforeMdat()).as("ffmpeg writes moov last by default").isFalse();

        PreparedVideo prepared = preparation.prepare(source, VideoTarget.REELS, null, dir.resolve("fast.mp4"));

        VideoFacts out = assertInstagramReady(prepared);
        assertThat(prepared.transcoded()).isTrue();
        assertThat(prepared.plan().reasons()).containsExactly("the moov index is after the media data (not faststart)");
        assertThat(prepared.plan().encodeVideo()).as("video stream copied").isFalse();
        assertThat(TestVideos.videoPacketsHash(prepared.path())).as("the same H.264 packets")
                .isEqualTo(TestVideos.videoPacketsHash(source));
    }

    @Test
    void highFrameRateIsHalvedTo60() throws Exception {
        Path source = TestVideos.clip(dir.resolve("120.mp4")).frameRate(120).seconds(3.2).write();

        VideoFacts out = assertInstagramReady(
                preparation.prepare(source, VideoTarget.REELS, null, dir.resolve("60.mp4")));

        assertThat(out.frameRate()).isEqualTo(new FrameRate(60, 1));
        assertThat(out.durationMillis()).isCloseTo(3200, within(150L));
    }

    @Test
    void lowFrameRateIsDoubledTo30() throws Exception {
        Path source = TestVideos.clip(dir.resolve("15.mp4")).frameRate(15).write();

        VideoFacts out = assertInstagramReady(
                preparation.prepare(source, VideoTarget.REELS, null, dir.resolve("30.mp4")));

        assertThat(out.frameRate()).isEqualTo(new FrameRate(30, 1));
    }

    @Test
    void audioAt44100HzIsResampledWhenTheFileIsRewritten() throws Exception {
        Path source = TestVideos.clip(dir.resolve("cd-audio.mkv")).audio(44_100, 2).write();
        assertThat(TestVideos.probe(source).audioSampleRate()).isEqualTo(44_100);

        PreparedVideo prepared = preparation.prepare(source, VideoTarget.STORY, null, dir.resolve("dvd-audio.mp4"));

        VideoFacts out = assertInstagramReady(prepared);
        assertThat(prepared.plan().reasons()).containsExactly("container is matroska, not MP4");
        assertThat(prepared.plan().audio()).isEqualTo(TranscodePlan.AudioHandling.ENCODE);
        assertThat(out.audioSampleRate()).isEqualTo(48_000);
        assertThat(out.audioChannels()).isEqualTo(2);
    }

    @Test
    void monoAudioStaysMono() throws Exception {
        Path source = TestVideos.clip(dir.resolve("mono.mp4")).audio(22_050, 1).frameRate(15).write();

        VideoFacts out = assertInstagramReady(
                preparation.prepare(source, VideoTarget.REELS, null, dir.resolve("mono-out.mp4")));

        assertThat(out.audioChannels()).isEqualTo(1);
        assertThat(out.audioSampleRate()).isEqualTo(48_000);
    }

    @Test
    void noAudioStaysWithoutAudio() throws Exception {
        Path source = TestVideos.clip(dir.resolve("silent.mp4")).noAudio().frameRate(15).write();

        PreparedVideo prepared = preparation.prepare(source, VideoTarget.REELS, null, dir.resolve("silent-out.mp4"));

        VideoFacts out = assertInstagramReady(prepared);
        assertThat(prepared.plan().audio()).isEqualTo(TranscodePlan.AudioHandling.NONE);
        assertThat(out.hasAudio()).isFalse();
        assertThat(out.otherStreams()).isZero();
    }

    @Test
    void targetAspectRatioCropsWidescreenToExactSquare() throws Exception {
        Path source = TestVideos.clip(dir.resolve("wide.mp4")).size(640, 360)
                .with("-movflags", "+faststart").write();

        PreparedVideo prepared = preparation.prepare(source, VideoTarget.CAROUSEL_ITEM, 1.0,
                dir.resolve("square.mp4"));

        VideoFacts out = assertInstagramReady(prepared);
        assertThat(prepared.plan().geometry().fixed()).isEqualTo(AspectFix.CROP);
        assertThat(out.width()).isEqualTo(360);
        assertThat(out.height()).isEqualTo(360);
    }

    @Test
    void targetAspectRatioCanPadInsteadOfCrop() throws Exception {
        VideoTools tools = TestVideos.bundledTools();
        VideoPreparation padding = TestVideos.preparation(
                TestVideos.transcoder(tools, TranscodeSettings.defaults().withAspectFix(AspectFix.PAD)), tools);
        Path source = TestVideos.clip(dir.resolve("wide.mp4")).size(640, 360).write();

        PreparedVideo prepared = padding.prepare(source, VideoTarget.CAROUSEL_ITEM, 1.0, dir.resolve("boxed.mp4"));

        VideoFacts out = assertInstagramReady(prepared);
        assertThat(prepared.plan().geometry().fixed()).isEqualTo(AspectFix.PAD);
        assertThat(out.width()).isEqualTo(640);
        assertThat(out.height()).isEqualTo(640);
    }

    @Test
    void portraitCarouselChildIsCroppedIntoTheCarouselRange() throws Exception {
        Path source = TestVideos.clip(dir.resolve("story-shaped.mp4")).size(360, 640).write();

        VideoFacts out = assertInstagramReady(
                preparation.prepare(source, VideoTarget.CAROUSEL_ITEM, null, dir.resolve("child.mp4")));

        assertThat(out.width()).isEqualTo(360);
        assertThat(out.height()).as("4:5, the tallest a carousel video may be").isEqualTo(450);
    }

    @Test
    void editListThatDelaysATrackIsAppliedByReencoding() throws Exception {
        Path matroska = TestVideos.clip(dir.resolve("offset.mkv")).audio(44_100, 2).write();
        // In the MKV the video starts one AAC priming frame after the audio; a plain remux keeps that as an empty edit.
        Path source = dir.resolve("edited.mp4");
        TestVideos.run(List.of("-nostdin", "-loglevel", "error", "-i", matroska.toString(), "-c", "copy",
                "-movflags", "+faststart", source.toString()));
        assertThat(TestVideos.probe(source).complexEditList()).isTrue();

        PreparedVideo prepared = preparation.prepare(source, VideoTarget.REELS, null, dir.resolve("applied.mp4"));

        assertInstagramReady(prepared);
        assertThat(prepared.plan().reasons()).contains("an edit list changes playback");
        assertThat(prepared.plan().encodeVideo()).isTrue();
        assertThat(prepared.plan().audio()).isEqualTo(TranscodePlan.AudioHandling.ENCODE);
    }
}
