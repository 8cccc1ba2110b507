package io.igpipe.media.video;

/**
 * ffmpeg or ffprobe cannot be used on this machine. Not the video's fault: the post should wait (like for
 * {@link TranscoderBusyException}) until the operator fixes the installation, which the message explains, e.g.
 * "install libpulse0 or set igpipe.media.video.ffmpeg-path". Unchecked because it is a deployment problem that
 * image posts never meet.
 */
public class VideoToolsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VideoToolsUnavailableException(String reason) {
        super("Video tools are not usable: " + reason);
    }
}
