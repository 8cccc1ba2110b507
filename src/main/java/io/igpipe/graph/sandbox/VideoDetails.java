package io.igpipe.graph.sandbox;

/**
 * The video side of a container: what the client asked for, and once the video was read, what it is and why it
 * was refused.
 *
 * @param videoUrl          {@code video_url}, or the {@code file_url} header of a resumable upload; null for bytes
 *                          sent to the upload endpoint
 * @param resumable         created with {@code upload_type=resumable}: the video comes through the upload endpoint
 * @param coverUrl          a reel's {@code cover_url}
 * @param thumbOffsetMillis {@code thumb_offset}, milliseconds into the video
 * @param shareToFeed       a reel's {@code share_to_feed}; null when not sent
 * @param audioName         a reel's {@code audio_name}
 * @param facts             what the video turned out to be; null until it was read
 * @param rejection         why the container ended in ERROR (sandbox only, not a Graph field); null otherwise
 */
public record VideoDetails(
        String videoUrl,
        boolean resumable,
        String coverUrl,
        Long thumbOffsetMillis,
        Boolean shareToFeed,
        String audioName,
        VideoFacts facts,
        String rejection) {

    VideoDetails fetchedFrom(String url) {
        return new VideoDetails(url, resumable, coverUrl, thumbOffsetMillis, shareToFeed, audioName, facts,
                rejection);
    }

    VideoDetails judged(VideoFacts readFacts, String rejectionReason) {
        return new VideoDetails(videoUrl, resumable, coverUrl, thumbOffsetMillis, shareToFeed, audioName, readFacts,
                rejectionReason);
    }

    /** {@code cover_url} wins over {@code thumb_offset} when both are sent, so the offset is then not checked. */
    Long effectiveThumbOffset() {
        return coverUrl == null ? thumbOffsetMillis : null;
    }
}
