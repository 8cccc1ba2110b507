package io.igpipe.graph.sandbox;

/**
 * Why a video container ends in ERROR: the subcode Instagram puts in the container's {@code status} text, and a
 * plain reason the sandbox keeps beside it (in snapshots) so a failing test says what was wrong with the file.
 *
 * <p>Subcodes, as seen in the wild (graph-api.md §6.2): 2207026 unsupported format (container, codec, moov atom
 * at the end, edit list); 2207085 the video cannot be processed (duration, frame rate, resolution, aspect ratio,
 * bitrate, size); 2207057 {@code thumb_offset} outside the video; 2207077 the video could not be downloaded;
 * 2207052 the URL served something that is not media; 2207003 the download timed out.
 */
record VideoRejection(int subcode, String reason) {

    static final int UNSUPPORTED_FORMAT = 2207026;
    static final int CANNOT_PROCESS = 2207085;
    static final int THUMB_OFFSET_OUT_OF_RANGE = 2207057;
    static final int DOWNLOAD_FAILED = 2207077;
    static final int NOT_MEDIA = 2207052;
    static final int DOWNLOAD_TIMED_OUT = 2207003;

    static VideoRejection format(String reason) {
        return new VideoRejection(UNSUPPORTED_FORMAT, reason);
    }

    static VideoRejection processing(String reason) {
        return new VideoRejection(CANNOT_PROCESS, reason);
    }

    /** The {@code status} text Graph shows for the container, with the subcode a client parses out of it. */
    ContainerOutcome outcome() {
        return ContainerOutcome.error("Error: Media upload has failed with error code " + subcode);
    }
}
