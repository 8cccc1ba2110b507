package io.igpipe.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.igpipe.IgpipeProperties;
import io.igpipe.media.AspectFix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** {@code igpipe.media.video.*} binds into the beans, and the documented defaults are the code's defaults. */
class VideoSettingsTest {

    @Configuration
    @EnableConfigurationProperties(IgpipeProperties.class)
    static class WithIgpipeProperties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(WithIgpipeProperties.class, VideoConfiguration.class);

    @Test
    void settingsReachTheRulesTheTranscoderAndTheHealthIndicator() {
        context.withPropertyValues(
                "igpipe.data-dir=/var/lib/igpipe",
                "igpipe.media.video.reels.max-duration=10m",
                "igpipe.media.video.story.max-file-size=50000000",
                "igpipe.media.video.carousel-item.min-aspect-ratio=1.0",
                "igpipe.media.video.target-video-bitrate=6000000",
                "igpipe.media.video.max-concurrent-transcodes=2",
                "igpipe.media.video.preset=faster",
                "igpipe.media.video.aspect-fix=PAD").run(started -> {
                    assertThat(started).hasNotFailed().hasBean("videoToolsHealthIndicator").hasBean("videoPreparation");
                    VideoPreparation preparation = started.getBean(VideoPreparation.class);
                    assertThat(preparation.rules(VideoTarget.REELS).maxDuration()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(preparation.rules(VideoTarget.STORY).maxFileBytes()).isEqualTo(50_000_000L);
                    assertThat(preparation.rules(VideoTarget.CAROUSEL_ITEM).minAspectRatio()).isEqualTo(1.0);
                    assertThat(preparation.rules(VideoTarget.STORY).targetVideoBitrate()).isEqualTo(6_000_000L);
                    assertThat(started.getBean(VideoTranscoder.class).slots().capacity()).isEqualTo(2);
                    VideoProperties video = started.getBean(VideoProperties.class);
                    assertThat(video.transcodeSettings().preset()).isEqualTo("faster");
                    assertThat(video.transcodeSettings().aspectFix()).isEqualTo(AspectFix.PAD);
                    assertThat(video.toolsDirUnder(Path.of("/var/lib/igpipe"))).isEqualTo(Path.of("/var/lib/igpipe/tools"));
                });
    }

    @Test
    void startingDoesNotTouchTheTools(@TempDir Path dataDir) {
        context.withPropertyValues("igpipe.data-dir=" + dataDir).run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(dataDir.resolve("tools")).as("extracted on first use only").doesNotExist();
        });
    }

    @Test
    void invalidSettingFailsTheStartNamingIt() {
        context.withPropertyValues("igpipe.media.video.preset=turbo").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessage("Invalid video transcode settings: preset must be an x264 preset, got turbo"));
    }

    @Test
    void defaultsInApplicationYamlMatchTheCode() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new FileSystemResource("config/application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        VideoProperties documented = Binder.get(environment).bind("igpipe.media.video", VideoProperties.class)
                .orElseThrow(() -> new AssertionError("no igpipe.media.video block in config/application.yaml"));
        VideoProperties code = new VideoProperties();

        for (VideoTarget target : VideoTarget.values()) {
            assertThat(documented.rules(target)).isEqualTo(code.rules(target));
        }
        assertThat(documented.transcodeSettings()).isEqualTo(code.transcodeSettings());
        assertThat(documented.getMaxConcurrentTranscodes()).isEqualTo(code.getMaxConcurrentTranscodes());
        assertThat(documented.getFfmpegPath()).isNull();
        assertThat(documented.getFfprobePath()).isNull();
    }
}
