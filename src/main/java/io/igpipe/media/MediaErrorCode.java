package io.igpipe.media;

/** Why a photo was rejected. The names are stable: they are stored in the ledger and shown to operators. */
public enum MediaErrorCode {
    /** The content is not a JPEG, PNG or WebP image (whatever the file name says). */
    MEDIA_UNSUPPORTED_FORMAT,
    /** The file claims a supported format but cannot be decoded completely (truncated, damaged). */
    MEDIA_CORRUPT,
    /** Narrower or lower than Instagram's minimum, after EXIF orientation. */
    MEDIA_TOO_SMALL,
    /** The header declares more pixels, or a longer side, than igpipe is willing to decode. */
    MEDIA_DIMENSIONS_TOO_LARGE,
    /** The file is larger than igpipe accepts as input. */
    MEDIA_FILE_TOO_LARGE,
    /** No JPEG within the output size limit could be produced, even at low quality and reduced size. */
    MEDIA_CANNOT_MEET_SIZE_LIMIT,
    /** ffprobe cannot read the file as a video in a container igpipe accepts (not a video, damaged, truncated). */
    VIDEO_UNREADABLE,
    /** The file has no moving picture: audio only, or a still image. */
    VIDEO_NO_VIDEO_STREAM,
    /** Shorter than the target allows (Instagram: 3 s); transcoding cannot lengthen it. */
    VIDEO_TOO_SHORT,
    /** Longer than the target allows (Reels 15 min, Stories and carousel videos 60 s); igpipe never trims. */
    VIDEO_TOO_LONG,
    /** Even transcoded at the lowest planned bitrate, the video is larger than the target allows. */
    VIDEO_FILE_TOO_LARGE,
    /** ffmpeg failed, timed out, or produced a file that does not meet the rules; the message has its last words. */
    VIDEO_TRANSCODE_FAILED
}
