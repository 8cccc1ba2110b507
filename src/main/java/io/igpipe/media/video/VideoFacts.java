package io.igpipe.media.video;

import java.time.Duration;

/**
 * What a video file is, from ffprobe plus igpipe's own look at the MP4 boxes ({@link Mp4Layout}).
 *
 * @param container         ffprobe's demuxer name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code matroska,webm}
 * @param brand             the MP4/MOV major brand ({@code isom}, {@code mp42}, {@code qt  } for QuickTime); null
 *                          for other containers
 * @param fileBytes         size of the file
 * @param duration          playing time
 * @param videoCodec        ffprobe's codec name of the first video stream, e.g. {@code h264}, {@code hevc}, {@code vp9}
 * @param videoProfile      codec profile, e.g. {@code High}, {@code Main}; null when not reported
 * @param pixelFormat       e.g. {@code yuv420p}
 * @param width             frame width as stored, before rotation
 * @param height            frame height as stored, before rotation
 * @param rotation          degrees the stored frame is turned clockwise for display (0, 90, 180, 270), from the
 *                          display matrix or the legacy {@code rotate} tag
 * @param interlaced        the stream says it is interlaced (field order other than progressive)
 * @param averageFrameRate  ffprobe's {@code avg_frame_rate}: frames divided by duration
 * @param realFrameRate     ffprobe's {@code r_frame_rate}: the base rate the timestamps are multiples of
 * @param variableFrameRate the two rates above disagree by more than 1 % and by at least two frames over the
 *                          whole video, which happens for variable frame rate video (phones that drop frames in
 *                          low light), not for a constant one
 * @param videoBitrate      video bits per second: the stream's own figure when the container has one, else the
 *                          container's minus the audio, else size over duration
 * @param audioCodec        first audio stream's codec, e.g. {@code aac}; null when there is no audio
 * @param audioSampleRate   Hz; 0 without audio
 * @param audioChannels     0 without audio
 * @param audioBitrate      bits per second; 0 without audio or when not reported
 * @param otherStreams      streams beyond the first video and first audio (subtitles, data, timecode, more tracks)
 * @param moovBeforeMdat    MP4/MOV whose index comes before the media data; false for other containers
 * @param complexEditList   MP4/MOV with an edit list that changes playback (see {@link Mp4Layout})
 */
public record VideoFacts(String container, String brand, long fileBytes, Duration duration,
        String videoCodec, String videoProfile, String pixelFormat, int width, int height, int rotation,
        boolean interlaced, FrameRate averageFrameRate, FrameRate realFrameRate, boolean variableFrameRate,
        long videoBitrate, String audioCodec, int audioSampleRate, int audioChannels, long audioBitrate,
        int otherStreams, boolean moovBeforeMdat, boolean complexEditList) {

    private static final String QUICKTIME_BRAND = "qt";

    /** Width as the video is meant to be seen (after rotation). */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    /** Height as the video is meant to be seen (after rotation). */
    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }

    /** Display width / height. */
    public double aspectRatio() {
        return (double) displayWidth() / displayHeight();
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }

    public long durationMillis() {
        return duration.toMillis();
    }

    /** The rate frames are shown at on average; {@link #realFrameRate()} when the average is unknown. */
    public FrameRate frameRate() {
        return averageFrameRate.isKnown() ? averageFrameRate : realFrameRate;
    }

    /** An ISO MP4 (not QuickTime MOV, not another container). */
    public boolean isMp4() {
        return container.contains("mp4") && brand != null && !brand.trim().equals(QUICKTIME_BRAND);
    }
}
