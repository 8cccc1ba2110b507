package io.igpipe.graph.sandbox;

/**
 * What the sandbox read from the boxes of a video it fetched or received, so a test can prove the pipeline sent
 * what Instagram wants: MP4/MOV with {@code moov} first, H.264 or HEVC, AAC, a sane size, rate and length.
 *
 * @param bytes               size of the file
 * @param sha256              hex digest of the file
 * @param majorBrand          {@code ftyp} major brand, such as {@code isom} or {@code qt  }
 * @param moovBeforeMdat      the {@code moov} box comes before the media data ("fast start")
 * @param complexEditList     a track has an edit list with more than one entry or an empty edit
 * @param videoCodec          sample entry fourcc of the first video track ({@code avc1}, {@code hvc1}...), null
 *                            when the file has no video track
 * @param width               presentation width from {@code tkhd}, before rotation
 * @param height              presentation height from {@code tkhd}, before rotation
 * @param rotation            0, 90, 180 or 270 degrees, from the {@code tkhd} matrix
 * @param durationMillis      duration of the video track ({@code mdhd})
 * @param frameRate           samples per second of the video track ({@code stts})
 * @param audioCodec          sample entry fourcc of the first audio track, null without audio
 * @param audioSampleRate     Hz, 0 without audio
 * @param audioChannels       0 without audio
 * @param bitrate             bits per second of the media data over the duration
 */
public record VideoFacts(
        long bytes,
        String sha256,
        String majorBrand,
        boolean moovBeforeMdat,
        boolean complexEditList,
        String videoCodec,
        int width,
        int height,
        int rotation,
        long durationMillis,
        double frameRate,
        String audioCodec,
        int audioSampleRate,
        int audioChannels,
        long bitrate) {

    /** Width as shown, after rotation: what Instagram's "columns" limit is about. */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }
}
