package io.igpipe.media.video;

import java.nio.file.Path;
import java.time.Duration;

import io.igpipe.media.AspectFix;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator settings under {@code igpipe.media.video.*}, documented next to their defaults in
 * {@code config/application.yaml}. Per-target limits live in {@code reels}, {@code story} and
 * {@code carousel-item}; everything else is shared by all targets.
 */
@ConfigurationProperties(prefix = "igpipe.media.video")
public class VideoProperties {

    /** A system ffmpeg; when set it is used instead of the bundled one. */
    private Path ffmpegPath;
    /** A system ffprobe; defaults to the {@code ffprobe} next to {@link #ffmpegPath}. */
    private Path ffprobePath;
    /** Where the bundled tools are extracted; defaults to {@code <igpipe.data-dir>/tools}. */
    private Path toolsDir;
    private int maxConcurrentTranscodes = 1;
    private int threads;
    private Duration processTimeout = TranscodeSettings.defaults().processTimeout();
    private Duration probeTimeout = TranscodeSettings.defaults().probeTimeout();
    private String preset = TranscodeSettings.defaults().preset();
    private int crf = TranscodeSettings.defaults().crf();
    private AspectFix aspectFix = TranscodeSettings.defaults().aspectFix();
    private String padColor = TranscodeSettings.defaults().padColor();
    private int maxWidth = VideoRules.DEFAULT_MAX_WIDTH;
    private int minFrameRate = VideoRules.DEFAULT_MIN_FRAME_RATE;
    private int maxFrameRate = VideoRules.DEFAULT_MAX_FRAME_RATE;
    private long maxVideoBitrate = VideoRules.DEFAULT_MAX_VIDEO_BITRATE;
    private long targetVideoBitrate = VideoRules.DEFAULT_TARGET_VIDEO_BITRATE;
    private int audioSampleRate = VideoRules.DEFAULT_AUDIO_SAMPLE_RATE;
    private int maxAudioChannels = VideoRules.DEFAULT_MAX_AUDIO_CHANNELS;
    private long audioBitrate = VideoRules.DEFAULT_AUDIO_BITRATE;
    private final TargetLimits reels = new TargetLimits(VideoTarget.REELS);
    private final TargetLimits story = new TargetLimits(VideoTarget.STORY);
    private final TargetLimits carouselItem = new TargetLimits(VideoTarget.CAROUSEL_ITEM);

    /** The rules of one target; throws IllegalArgumentException naming the bad setting. */
    public VideoRules rules(VideoTarget target) {
        TargetLimits limits = switch (target) {
            case REELS -> reels;
            case STORY -> story;
            case CAROUSEL_ITEM -> carouselItem;
        };
        return new VideoRules(target, limits.minDuration, limits.maxDuration, limits.maxFileSize,
                limits.minAspectRatio, limits.maxAspectRatio, maxWidth, minFrameRate, maxFrameRate, maxVideoBitrate,
                targetVideoBitrate, audioSampleRate, maxAudioChannels, audioBitrate);
    }

    public TranscodeSettings transcodeSettings() {
        return new TranscodeSettings(preset, crf, threads, aspectFix, padColor, processTimeout, probeTimeout);
    }

    /** Where the bundled tools go when {@link #getToolsDir()} is unset. */
    public Path toolsDirUnder(Path dataDir) {
        return toolsDir != null ? toolsDir : dataDir.resolve("tools");
    }

    public Path getFfmpegPath() { return ffmpegPath; }
    public void setFfmpegPath(Path ffmpegPath) { this.ffmpegPath = ffmpegPath; }
    public Path getFfprobePath() { return ffprobePath; }
    public void setFfprobePath(Path ffprobePath) { this.ffprobePath = ffprobePath; }
    public Path getToolsDir() { return toolsDir; }
    public void setToolsDir(Path toolsDir) { this.toolsDir = toolsDir; }
    public int getMaxConcurrentTranscodes() { return maxConcurrentTranscodes; }
    public void setMaxConcurrentTranscodes(int maxConcurrentTranscodes) { this.maxConcurrentTranscodes = maxConcurrentTranscodes; }
    public int getThreads() { return threads; }
    public void setThreads(int threads) { this.threads = threads; }
    public Duration getProcessTimeout() { return processTimeout; }
    public void setProcessTimeout(Duration processTimeout) { this.processTimeout = processTimeout; }
    public Duration getProbeTimeout() { return probeTimeout; }
    public void setProbeTimeout(Duration probeTimeout) { this.probeTimeout = probeTimeout; }
    public String getPreset() { return preset; }
    public void setPreset(String preset) { this.preset = preset; }
    public int getCrf() { return crf; }
    public void setCrf(int crf) { this.crf = crf; }
    public AspectFix getAspectFix() { return aspectFix; }
    public void setAspectFix(AspectFix aspectFix) { this.aspectFix = aspectFix; }
    public String getPadColor() { return padColor; }
    public void setPadColor(String padColor) { this.padColor = padColor; }
    public int getMaxWidth() { return maxWidth; }
    public void setMaxWidth(int maxWidth) { this.maxWidth = maxWidth; }
    public int getMinFrameRate() { return minFrameRate; }
    public void setMinFrameRate(int minFrameRate) { this.minFrameRate = minFrameRate; }
    public int getMaxFrameRate() { return maxFrameRate; }
    public void setMaxFrameRate(int maxFrameRate) { this.maxFrameRate = maxFrameRate; }
    public long getMaxVideoBitrate() { return maxVideoBitrate; }
    public void setMaxVideoBitrate(long maxVideoBitrate) { this.maxVideoBitrate = maxVideoBitrate; }
    public long getTargetVideoBitrate() { return targetVideoBitrate; }
    public void setTargetVideoBitrate(long targetVideoBitrate) { this.targetVideoBitrate = targetVideoBitrate; }
    public int getAudioSampleRate() { return audioSampleRate; }
    public void setAudioSampleRate(int audioSampleRate) { this.audioSampleRate = audioSampleRate; }
    public int getMaxAudioChannels() { return maxAudioChannels; }
    public void setMaxAudioChannels(int maxAudioChannels) { this.maxAudioChannels = maxAudioChannels; }
    public long getAudioBitrate() { return audioBitrate; }
    public void setAudioBitrate(long audioBitrate) { this.audioBitrate = audioBitrate; }
    public TargetLimits getReels() { return reels; }
    public TargetLimits getStory() { return story; }
    public TargetLimits getCarouselItem() { return carouselItem; }

    /** The limits that differ between targets; defaults from {@link VideoTarget}. */
    public static class TargetLimits {
        private Duration minDuration;
        private Duration maxDuration;
        private long maxFileSize;
        private double minAspectRatio;
        private double maxAspectRatio;

        TargetLimits(VideoTarget target) {
            this.minDuration = target.defaultMinDuration();
            this.maxDuration = target.defaultMaxDuration();
            this.maxFileSize = target.defaultMaxFileBytes();
            this.minAspectRatio = target.defaultMinAspectRatio();
            this.maxAspectRatio = target.defaultMaxAspectRatio();
        }

        public Duration getMinDuration() { return minDuration; }
        public void setMinDuration(Duration minDuration) { this.minDuration = minDuration; }
        public Duration getMaxDuration() { return maxDuration; }
        public void setMaxDuration(Duration maxDuration) { this.maxDuration = maxDuration; }
        public long getMaxFileSize() { return maxFileSize; }
        public void setMaxFileSize(long maxFileSize) { this.maxFileSize = maxFileSize; }
        public double getMinAspectRatio() { return minAspectRatio; }
        public void setMinAspectRatio(double minAspectRatio) { this.minAspectRatio = minAspectRatio; }
        public double getMaxAspectRatio() { return maxAspectRatio; }
        public void setMaxAspectRatio(double maxAspectRatio) { this.maxAspectRatio = maxAspectRatio; }
    }
}
