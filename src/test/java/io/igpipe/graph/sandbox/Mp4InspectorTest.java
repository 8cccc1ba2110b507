package io.igpipe.graph.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The box reader against real files made by ffmpeg. */
class Mp4InspectorTest {

    @Test
    void readsAFastStartH264AacFile() {
        VideoFacts facts = Mp4Inspector.inspect(TestVideos.reel());

        assertThat(facts.majorBrand()).isEqualTo("isom");
        assertThat(facts.moovBeforeMdat()).isTrue();
        assertThat(facts.complexEditList()).as("one edit at a real media time is not an edit list").isFalse();
        assertThat(facts.videoCodec()).isEqualTo("avc1");
        assertThat(facts.width()).isEqualTo(180);
        assertThat(facts.height()).isEqualTo(320);
        assertThat(facts.rotation()).isZero();
        assertThat(facts.durationMillis()).isBetween(3100L, 3300L);
        assertThat(facts.frameRate()).isCloseTo(30.0, within(0.01));
        assertThat(facts.audioCodec()).isEqualTo("mp4a");
        assertThat(facts.audioSampleRate()).isEqualTo(48_000);
        assertThat(facts.audioChannels()).isEqualTo(1);
        assertThat(facts.bitrate()).isPositive();
        assertThat(facts.bytes()).isEqualTo(TestVideos.reel().length);
        assertThat(facts.sha256()).hasSize(64);
    }

    @Test
    void tellsWhereTheMoovAtomIs() {
        assertThat(Mp4Inspector.inspect(TestVideos.moovAtTheEnd()).moovBeforeMdat()).isFalse();
    }

    @Test
    void readsHevcAndOtherSampleRates() {
        assertThat(Mp4Inspector.inspect(TestVideos.hevc()).videoCodec()).isEqualTo("hvc1");
        assertThat(Mp4Inspector.inspect(TestVideos.reelWithCdAudio()).audioSampleRate()).isEqualTo(44_100);
        assertThat(Mp4Inspector.inspect(TestVideos.oneHundredTwentyFps()).frameRate()).isCloseTo(120.0,
                within(0.01));
    }

    @Test
    void refusesWhatIsNotIsoMedia() {
        assertThatThrownBy(() -> Mp4Inspector.inspect(TestVideos.vp9WebM()))
                .isInstanceOf(Mp4Inspector.NotIsoMedia.class).hasMessageContaining("WebM");
        assertThatThrownBy(() -> Mp4Inspector.inspect("<html></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Mp4Inspector.NotIsoMedia.class);
        byte[] reel = TestVideos.reel();
        assertThatThrownBy(() -> Mp4Inspector.inspect(Arrays.copyOf(reel, reel.length / 3)))
                .as("cut short").isInstanceOf(Mp4Inspector.NotIsoMedia.class);
    }
}
