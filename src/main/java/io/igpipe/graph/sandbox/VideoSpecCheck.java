package io.igpipe.graph.sandbox;

import java.util.Optional;
import java.util.Set;

/**
 * Judges a video's facts against the spec of its container type, in the order Instagram's pipeline meets them:
 * the file format first (2207026), then what it takes to process the video (2207085), then the reel's
 * {@code thumb_offset} (2207057), which only the video's duration can settle.
 */
final class VideoSpecCheck {

    /** MP4 (ISO, MPEG-4 Part 14, Apple M4V) and QuickTime MOV; HEIF, 3GP and others are not video Instagram takes. */
    static final Set<String> ACCEPTED_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41",
            "mp42", "avc1", "M4V ", "qt  ");
    static final Set<String> ACCEPTED_VIDEO_CODECS = Set.of("avc1", "avc3", "hvc1", "hev1");
    static final String ACCEPTED_AUDIO_CODEC = "mp4a";

    private VideoSpecCheck() {
    }

    /**
     * @param thumbOffsetMillis the reel's or child's {@code thumb_offset}, null when absent or when a cover_url
     *                          overrides it
     */
    static Optional<VideoRejection> judge(VideoFacts video, VideoLimits limits, Long thumbOffsetMillis) {
        return format(video, limits)
                .or(() -> processing(video, limits))
                .or(() -> thumbOffset(video, thumbOffsetMillis));
    }

    private static Optional<VideoRejection> format(VideoFacts video, VideoLimits limits) {
        if (!ACCEPTED_BRANDS.contains(video.majorBrand())) {
            return reject(VideoRejection.format("container brand '" + video.majorBrand() + "' is not MP4 or MOV"));
        }
        if (!video.moovBeforeMdat()) {
            return reject(VideoRejection.format("the moov atom comes after the media data; it must be at the "
                    + "front (fast start)"));
        }
        if (video.complexEditList()) {
            return reject(VideoRejection.format("the file has an edit list"));
        }
        if (video.videoCodec() == null) {
            return reject(VideoRejection.format("the file has no video track"));
        }
        if (!ACCEPTED_VIDEO_CODECS.contains(video.videoCodec())) {
            return reject(VideoRejection.format("video codec '" + video.videoCodec() + "' is not H.264 or HEVC"));
        }
        if (video.hasAudio() && !video.audioCodec().equals(ACCEPTED_AUDIO_CODEC)) {
            return reject(VideoRejection.format("audio codec '" + video.audioCodec() + "' is not AAC"));
        }
        if (video.hasAudio() && video.audioSampleRate() > limits.maxAudioSampleRate()) {
            return reject(VideoRejection.format("audio sample rate " + video.audioSampleRate() + " Hz is above "
                    + limits.maxAudioSampleRate() + " Hz"));
        }
        if (video.hasAudio() && video.audioChannels() > limits.maxAudioChannels()) {
            return reject(VideoRejection.format("audio has " + video.audioChannels() + " channels; at most "
                    + limits.maxAudioChannels() + " are accepted"));
        }
        return Optional.empty();
    }

    private static Optional<VideoRejection> processing(VideoFacts video, VideoLimits limits) {
        if (video.bytes() > limits.maxBytes()) {
            return reject(VideoRejection.processing("the file is " + video.bytes() + " bytes; the limit is "
                    + limits.maxBytes()));
        }
        long millis = video.durationMillis();
        if (millis < limits.minDuration().toMillis() || millis > limits.maxDuration().toMillis()) {
            return reject(VideoRejection.processing("the video lasts " + millis + " ms; it must last "
                    + limits.minDuration().toMillis() + " to " + limits.maxDuration().toMillis() + " ms"));
        }
        double fps = video.frameRate();
        // A hundredth of slack: 23.976 fps is "24" to everyone, and 60000/1001 fps is "60".
        if (fps < limits.minFrameRate() - 0.01 || fps > limits.maxFrameRate() + 0.01) {
            return reject(VideoRejection.processing(String.format("the frame rate %.2f fps is outside %s to %s fps",
                    fps, limits.minFrameRate(), limits.maxFrameRate())));
        }
        if (video.displayWidth() > limits.maxColumns()) {
            return reject(VideoRejection.processing("the video is " + video.displayWidth() + " columns wide; the "
                    + "limit is " + limits.maxColumns()));
        }
        double aspect = video.displayHeight() == 0 ? 0 : (double) video.displayWidth() / video.displayHeight();
        if (aspect < limits.minAspectRatio() - 1e-9 || aspect > limits.maxAspectRatio() + 1e-9) {
            return reject(VideoRejection.processing("the aspect ratio " + video.displayWidth() + ":"
                    + video.displayHeight() + " is outside " + limits.minAspectRatio() + " to "
                    + limits.maxAspectRatio()));
        }
        if (video.bitrate() > limits.maxBitrate()) {
            return reject(VideoRejection.processing("the bitrate " + video.bitrate() + " bit/s is above "
                    + limits.maxBitrate()));
        }
        return Optional.empty();
    }

    private static Optional<VideoRejection> thumbOffset(VideoFacts video, Long thumbOffsetMillis) {
        if (thumbOffsetMillis != null && (thumbOffsetMillis < 0 || thumbOffsetMillis >= video.durationMillis())) {
            return reject(new VideoRejection(VideoRejection.THUMB_OFFSET_OUT_OF_RANGE, "thumb_offset "
                    + thumbOffsetMillis + " ms is outside the video's " + video.durationMillis() + " ms"));
        }
        return Optional.empty();
    }

    private static Optional<VideoRejection> reject(VideoRejection rejection) {
        return Optional.of(rejection);
    }
}
