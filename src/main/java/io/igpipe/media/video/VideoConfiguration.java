package io.igpipe.media.video;

import java.util.EnumMap;
import java.util.Map;

import io.igpipe.IgpipeProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The video beans. Nothing here runs ffmpeg at start-up ({@link VideoTools} locates it on first use), but invalid
 * {@code igpipe.media.video.*} settings fail the start with a message naming the setting.
 */
@Configuration
@EnableConfigurationProperties(VideoProperties.class)
public class VideoConfiguration {

    @Bean
    public VideoTools videoTools(VideoProperties video, IgpipeProperties igpipe) {
        return new VideoTools(video.getFfmpegPath(), video.getFfprobePath(), video.toolsDirUnder(igpipe.getDataDir()));
    }

    @Bean
    public VideoProbe videoProbe(VideoTools tools, VideoProperties video) {
        return new VideoProbe(tools, video.transcodeSettings().probeTimeout());
    }

    @Bean
    public VideoTranscoder videoTranscoder(VideoTools tools, VideoProbe probe, VideoProperties video) {
        return new VideoTranscoder(tools, probe, video.transcodeSettings(), video.getMaxConcurrentTranscodes());
    }

    @Bean
    public VideoFrames videoFrames(VideoTools tools, VideoProbe probe, VideoProperties video) {
        return new VideoFrames(tools, probe, video.transcodeSettings().probeTimeout());
    }

    @Bean
    public VideoPreparation videoPreparation(VideoProbe probe, VideoTranscoder transcoder, VideoProperties video) {
        Map<VideoTarget, VideoRules> rules = new EnumMap<>(VideoTarget.class);
        for (VideoTarget target : VideoTarget.values()) {
            rules.put(target, video.rules(target));
        }
        return new VideoPreparation(probe, transcoder, rules);
    }

    /** Spring Boot names a health indicator after its bean without the suffix: {@code videoTools}. */
    @Bean
    public VideoToolsHealthIndicator videoToolsHealthIndicator(VideoTools tools, VideoTranscoder transcoder) {
        return new VideoToolsHealthIndicator(tools, transcoder);
    }
}
