package io.igpipe.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import io.igpipe.media.AspectFix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Decisions made in Java before ffmpeg runs: frame rates, picture geometry, bitrate, what is copied. */
class VideoPlanningTest {

    private static final VideoRules REELS = VideoRules.defaults(VideoTarget.REELS);

    /** H.264 High yuv420p MP4 with faststart and stereo AAC at 48 kHz: only size, rate and length vary. */
    private static VideoFacts reel(int width, int height, FrameRate average, FrameRate real, Duration duration) {
        return new VideoFacts("mov,mp4,m4a,3gp,3g2,mj2", "isom", 20_000_000L, duration, "h264", "High", "yuv420p",
                width, height, 0, false, average, real, !average.closeTo(real, 0.01), 6_000_000L, "aac", 48_000, 2,
                128_000L, 0, true, false);
    }

    private static VideoFacts reel(FrameRate rate) {
        return reel(1080, 1920, rate, rate, Duration.ofSeconds(20));
    }

    @ParameterizedTest(name = "{0} fps -> {1}")
    @CsvSource({"120/1, 60/1", "100/1, 50/1", "90/1, 45/1", "61/1, 61/2", "15/1, 30/1", "10/1, 30/1",
            "12/1, 24/1", "30000/1001, 30000/1001", "60/1, 60/1", "23/1, 23/1"})
    void frameRatesAreBroughtInsideByWholeFactors(String source, String expected) {
        assertThat(FrameRatePlan.target(reel(FrameRate.parse(source)), REELS)).isEqualTo(FrameRate.parse(expected));
    }

    @Test
    void variableFrameRateBecomesTheNearestCommonRate() {
        VideoFacts phone = reel(1080, 1920, FrameRate.parse("2950/100"), FrameRate.parse("30/1"), Duration.ofSeconds(9));

        assertThat(phone.variableFrameRate()).isTrue();
        assertThat(FrameRatePlan.target(phone, REELS)).isEqualTo(new FrameRate(30000, 1001));
        assertThat(TranscodePlan.of(phone, REELS, null, TranscodeSettings.defaults()).encodeVideo()).isTrue();
    }

    @Test
    void compliantReelPassesThrough() {
        TranscodePlan plan = TranscodePlan.of(reel(new FrameRate(30, 1)), REELS, null, TranscodeSettings.defaults());

        assertThat(plan.passThrough()).isTrue();
    }

    @Test
    void afterARefusalEvenACompliantReelIsEncodedAfresh() {
        TranscodePlan plan = TranscodePlan.of(reel(new FrameRate(30, 1)), REELS, null, TranscodeSettings.defaults(), true);

        assertThat(plan.passThrough()).isFalse();
        assertThat(plan.encodeVideo()).isTrue();
        assertThat(plan.reasons()).anyMatch(reason -> reason.contains("refused"));
    }

    @Test
    void longReelGetsALowerBitrateSoItFitsTheSizeLimit() {
        VideoFacts fifteenMinutes = reel(3840, 2160, new FrameRate(30, 1), new FrameRate(30, 1), Duration.ofMinutes(15));

        TranscodePlan plan = TranscodePlan.of(fifteenMinutes, REELS, null, TranscodeSettings.defaults());

        // 300 MB * 8 * 0.9 / 900 s = 2.4 Mbps, minus 128 kbps of audio.
        assertThat(plan.videoMaxBitrate()).isEqualTo(2_400_000L - 128_000L);
        assertThat(plan.geometry().width()).isEqualTo(1920);
        assertThat(plan.geometry().height()).isEqualTo(1080);
    }

    @Test
    void shortReelIsEncodedAtTheTargetBitrate() {
        VideoFacts fourK = reel(3840, 2160, new FrameRate(30, 1), new FrameRate(30, 1), Duration.ofSeconds(30));

        assertThat(TranscodePlan.of(fourK, REELS, null, TranscodeSettings.defaults()).videoMaxBitrate())
                .isEqualTo(VideoRules.DEFAULT_TARGET_VIDEO_BITRATE);
    }

    @ParameterizedTest(name = "{0}x{1} to {2}, {3}: {4}x{5}")
    @CsvSource({
            "1920, 1080, 1.0, CROP, 1080, 1080",
            "1920, 1080, 1.0, PAD, 1920, 1920",
            "1080, 1920, 0.8, CROP, 1080, 1350",
            "1080, 1920, 0.8, PAD, 1536, 1920",
            "3840, 2160, 1.0, CROP, 1920, 1920",
            "641, 361, 1.7777777777777777, CROP, 642, 362"})
    void aspectRatioIsFixedExactlyAndSidesAreEven(int width, int height, double ratio, AspectFix fix,
            int expectedWidth, int expectedHeight) {
        FrameGeometry geometry = FrameGeometry.plan(width, height, ratio, REELS, fix, "#000000");

        assertThat(geometry.width()).isEqualTo(expectedWidth);
        assertThat(geometry.height()).isEqualTo(expectedHeight);
    }

    @Test
    void padFilterCentresTheScaledPictureOnBarsOfThePadColor() {
        FrameGeometry geometry = FrameGeometry.plan(1920, 1080, 1.0, REELS, AspectFix.PAD, "#102030");

        assertThat(geometry.filter()).isEqualTo("scale=1920:1080,pad=1920:1920:0:420:color=0x102030");
        assertThat(geometry.fixed()).isEqualTo(AspectFix.PAD);
    }

    @Test
    void aspectRatioOutsideTheTargetIsRefusedBeforeAnyWork() {
        VideoTranscoder transcoder = new VideoTranscoder(new VideoTools(null, null, Path.of("unused")),
                TestVideos.probe(), TranscodeSettings.defaults(), 1);
        VideoRules carousel = VideoRules.defaults(VideoTarget.CAROUSEL_ITEM);

        assertThatThrownBy(() -> transcoder.plan(reel(new FrameRate(30, 1)), carousel, 1.91))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Aspect ratio 1.910 is outside what a CAROUSEL_ITEM video may have (0.800..1.780)");
    }

    @Test
    void invalidRulesNameTheSetting() {
        assertThatThrownBy(() -> new VideoRules(VideoTarget.STORY, Duration.ofSeconds(3), Duration.ofSeconds(60),
                100_000_000L, 0.1, 10, 1920, 40, 60, 25_000_000L, 8_000_000L, 48_000, 2, 128_000L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid video rules: max-frame-rate must be at least twice min-frame-rate");
    }
}
