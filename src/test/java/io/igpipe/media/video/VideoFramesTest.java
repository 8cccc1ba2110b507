package io.igpipe.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cover and preview frames: upright JPEGs at the asked offset, for the image pipeline to optimize. */
class VideoFramesTest {

    private static VideoFrames frames;

    @TempDir
    Path dir;

    @BeforeAll
    static void wire() {
        VideoTools tools = TestVideos.bundledTools();
        frames = new VideoFrames(tools, TestVideos.probe(), TranscodeSettings.defaults().probeTimeout());
    }

    @Test
    void frameOfARotatedVideoIsAnUprightJpeg() throws Exception {
        Path landscape = TestVideos.clip(dir.resolve("stored.mp4")).size(320, 240).write();
        Path phone = TestVideos.rotated(landscape, -90, dir.resolve("phone.mp4"));

        Path jpeg = frames.extractFrame(phone, 1500, dir.resolve("covers/cover.jpg"));

        BufferedImage cover = ImageIO.read(jpeg.toFile());
        assertThat(cover).as("a decodable JPEG").isNotNull();
        assertThat(cover.getWidth()).isEqualTo(240);
        assertThat(cover.getHeight()).isEqualTo(320);
    }

    @Test
    void durationLetsCallersValidateAThumbOffset() throws Exception {
        Path video = TestVideos.clip(dir.resolve("clip.mp4")).seconds(3.5).noAudio().write();

        long duration = frames.durationMillis(video);

        assertThat(duration).isCloseTo(3500, within(50L));
        assertThatThrownBy(() -> frames.extractFrame(video, duration, dir.resolve("late.jpg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Frame offset " + duration + " ms is outside clip.mp4, which plays " + duration + " ms");
        assertThat(dir.resolve("late.jpg")).doesNotExist();
    }
}
