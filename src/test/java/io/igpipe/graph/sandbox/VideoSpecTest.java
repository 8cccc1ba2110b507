package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The video spec of graph-api.md §5, judged from the real file: each refusal with its subcode in the status. */
class VideoSpecTest extends SandboxTestSupport {

    @Test
    void acceptsH264AndHevcWithAacAtUpTo48Khz() {
        assertThat(reelVerdict("h264.mp4", TestVideos::reel).path("status_code").asText()).isEqualTo("FINISHED");
        assertThat(reelVerdict("hevc.mp4", TestVideos::hevc).path("status_code").asText()).isEqualTo("FINISHED");
        assertThat(reelVerdict("44k.mp4", TestVideos::reelWithCdAudio).path("status_code").asText())
                .isEqualTo("FINISHED");
    }

    @Test
    void refusesTheMoovAtomAtTheEnd() {
        String containerId = createVideo("REELS", serveVideo("moov-at-end.mp4", TestVideos.moovAtTheEnd())).id();

        assertVideoRefused(videoVerdict(containerId), 2207026);
        assertThat(sandbox.snapshot().container(containerId).orElseThrow().video().rejection()).contains("moov");
    }

    @Test
    void refusesVp9InWebM() {
        assertVideoRefused(reelVerdict("vp9.webm", TestVideos::vp9WebM), 2207026);
    }

    @Test
    void refusesVideosShorterThanThreeSeconds() {
        assertVideoRefused(reelVerdict("two-seconds.mp4", TestVideos::twoSeconds), 2207085);
    }

    @Test
    void refusesMoreThanSixtyFramesPerSecond() {
        assertVideoRefused(reelVerdict("120-fps.mp4", TestVideos::oneHundredTwentyFps), 2207085);
    }

    @Test
    void refusesReelsWiderThan1920Columns() {
        String containerId = createVideo("REELS", serveVideo("wide.mp4", TestVideos.widerThan1920())).id();

        assertVideoRefused(videoVerdict(containerId), 2207085);
        assertThat(sandbox.snapshot().container(containerId).orElseThrow().video().rejection())
                .contains("1936 columns");
    }

    @Test
    void refusesAStoryVideoPastItsTightenedLimit() throws IOException {
        sandbox.close();
        sandbox = GraphSandbox.start(sandbox.settings().withPort(0).withStoryVideoLimits(
                VideoLimits.storyVideo().withDuration(Duration.ofSeconds(1), Duration.ofSeconds(3))));
        sandbox.registerAccount(SHOP, "igpipe_shop", SHOP_TOKEN);
        graph = new GraphTestClient(sandbox.baseUri());

        String tooLong = createVideo("STORIES", serveVideo("story.mp4", TestVideos.reel())).id();
        String shortEnough = createVideo("STORIES", serveVideo("short.mp4", TestVideos.twoSeconds())).id();

        assertVideoRefused(videoVerdict(tooLong), 2207085);
        assertThat(videoVerdict(shortEnough).path("status_code").asText()).isEqualTo("FINISHED");
    }

    private JsonNode reelVerdict(String name, Supplier<byte[]> clip) {
        return videoVerdict(createVideo("REELS", serveVideo(name, clip.get())).id());
    }
}
