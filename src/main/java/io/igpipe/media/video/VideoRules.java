package io.igpipe.media.video;

import java.time.Duration;
import java.util.Objects;

/**
 * What a video published to one {@link VideoTarget} must satisfy (graph-api.md section 5) and what igpipe encodes
 * to. Configuration, not code: see {@link VideoProperties}.
 *
 * @param target             the target these rules are for
 * @param minDuration        shorter videos are rejected (VIDEO_TOO_SHORT); 3 s
 * @param maxDuration        longer videos are rejected (VIDEO_TOO_LONG), never trimmed; 15 min or 60 s
 * @param maxFileBytes       largest file Instagram accepts; the encode bitrate is lowered to fit; Meta does not say
 *                           whether its "MB" is 10^6 or 2^20 bytes, so the smaller reading is the default
 * @param minAspectRatio     smallest display width/height
 * @param maxAspectRatio     largest display width/height
 * @param maxWidth           wider videos are scaled down; 1920 columns
 * @param minFrameRate       slower frame rates are raised to a whole multiple, as constant frame rate; 23 fps
 * @param maxFrameRate       faster frame rates are lowered to a whole fraction; 60 fps
 * @param maxVideoBitrate    Instagram's limit, bits/s; a file above it is re-encoded; 25 Mbps
 * @param targetVideoBitrate the cap igpipe encodes to (x264 -maxrate), bits/s; 8 Mbps
 * @param audioSampleRate    sample rate of re-encoded audio, Hz; also the highest accepted as is; 48 kHz
 * @param maxAudioChannels   more channels are down-mixed to this many; 2
 * @param audioBitrate       bitrate of re-encoded AAC audio, bits/s; 128 kbps
 */
public record VideoRules(VideoTarget target, Duration minDuration, Duration maxDuration, long maxFileBytes,
        double minAspectRatio, double maxAspectRatio, int maxWidth, int minFrameRate, int maxFrameRate,
        long maxVideoBitrate, long targetVideoBitrate, int audioSampleRate, int maxAudioChannels, long audioBitrate) {

    public static final int DEFAULT_MAX_WIDTH = 1920;
    public static final int DEFAULT_MIN_FRAME_RATE = 23;
    public static final int DEFAULT_MAX_FRAME_RATE = 60;
    public static final long DEFAULT_MAX_VIDEO_BITRATE = 25_000_000L;
    public static final long DEFAULT_TARGET_VIDEO_BITRATE = 8_000_000L;
    public static final int DEFAULT_AUDIO_SAMPLE_RATE = 48_000;
    public static final int DEFAULT_MAX_AUDIO_CHANNELS = 2;
    public static final long DEFAULT_AUDIO_BITRATE = 128_000L;

    public VideoRules {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(maxDuration, "maxDuration");
        require(!minDuration.isNegative() && minDuration.compareTo(maxDuration) < 0,
                "min-duration must be at least 0 and below max-duration");
        require(maxFileBytes >= 1024 * 1024, "max-file-size must be at least 1 MiB");
        require(minAspectRatio > 0 && minAspectRatio <= maxAspectRatio,
                "min-aspect-ratio must be positive and not above max-aspect-ratio");
        // 16 px is the smallest frame every H.264 level accepts; anything smaller is a configuration mistake.
        require(maxWidth >= 16 && maxWidth % 2 == 0, "max-width must be an even number of at least 16");
        require(minFrameRate >= 1 && minFrameRate * 2 <= maxFrameRate,
                "max-frame-rate must be at least twice min-frame-rate, so every rate can be brought inside by a whole"
                        + " factor");
        require(targetVideoBitrate >= 100_000 && targetVideoBitrate <= maxVideoBitrate,
                "target-video-bitrate must be at least 100 kbps and not above max-video-bitrate");
        require(audioSampleRate >= 8000, "audio-sample-rate must be at least 8000");
        require(maxAudioChannels == 1 || maxAudioChannels == 2, "max-audio-channels must be 1 or 2");
        require(audioBitrate >= 32_000, "audio-bitrate must be at least 32 kbps");
    }

    /** Instagram's current spec for {@code target} with igpipe's encoding defaults. */
    public static VideoRules defaults(VideoTarget target) {
        return new VideoRules(target, target.defaultMinDuration(), target.defaultMaxDuration(),
                target.defaultMaxFileBytes(), target.defaultMinAspectRatio(), target.defaultMaxAspectRatio(),
                DEFAULT_MAX_WIDTH, DEFAULT_MIN_FRAME_RATE, DEFAULT_MAX_FRAME_RATE, DEFAULT_MAX_VIDEO_BITRATE,
                DEFAULT_TARGET_VIDEO_BITRATE, DEFAULT_AUDIO_SAMPLE_RATE, DEFAULT_MAX_AUDIO_CHANNELS,
                DEFAULT_AUDIO_BITRATE);
    }

    /** The same rules with another upper duration bound (the transcoder's optional guard). */
    public VideoRules withMaxDuration(Duration duration) {
        return new VideoRules(target, minDuration, duration, maxFileBytes, minAspectRatio, maxAspectRatio, maxWidth,
                minFrameRate, maxFrameRate, maxVideoBitrate, targetVideoBitrate, audioSampleRate, maxAudioChannels,
                audioBitrate);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid video rules: " + message);
        }
    }
}
