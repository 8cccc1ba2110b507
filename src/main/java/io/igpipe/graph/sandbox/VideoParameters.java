package io.igpipe.graph.sandbox;

import java.util.Locale;

/**
 * The video parameters of {@code POST /{ig-user-id}/media}, checked as far as they can be without the video:
 * a {@code video_url} is required unless the upload is resumable, and must at least be an http(s) URL in US-ASCII
 * (9004/2207052 at once, like an image URL); whether it can be fetched shows later, in the container status.
 * {@code thumb_offset} must be a whole number here, but only the video can say whether it falls inside it, so an
 * offset out of range (negative included) ends the container in ERROR with 2207057 rather than failing creation.
 */
final class VideoParameters {

    private VideoParameters() {
    }

    static boolean resumable(GraphRequest request) {
        return "resumable".equals(request.param("upload_type"));
    }

    static VideoDetails read(GraphRequest request, ContainerType type) {
        boolean resumable = resumable(request);
        String videoUrl = null;
        if (!resumable) {
            videoUrl = request.param("video_url");
            if (videoUrl == null || videoUrl.isBlank()) {
                throw GraphError.missingParameter("video_url").raise();
            }
            if (!MediaFetcher.fetchable(videoUrl)) {
                throw GraphError.mediaFetchFailed(videoUrl).raise();
            }
        }
        String coverUrl = null;
        Boolean shareToFeed = null;
        String audioName = null;
        if (type.takesReelExtras()) {
            coverUrl = ContainerCreation.emptyToNull(request.param("cover_url"));
            shareToFeed = flag(request, "share_to_feed");
            audioName = ContainerCreation.emptyToNull(request.param("audio_name"));
        }
        Long thumbOffset = type.takesThumbOffset() ? milliseconds(request, "thumb_offset") : null;
        return new VideoDetails(videoUrl, resumable, coverUrl, thumbOffset, shareToFeed, audioName, null, null);
    }

    private static Boolean flag(GraphRequest request, String name) {
        if (!request.hasParam(name)) {
            return null;
        }
        return switch (request.param(name).trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw GraphError.invalidParameter("(#100) Param " + name + " must be a boolean").raise();
        };
    }

    private static Long milliseconds(GraphRequest request, String name) {
        if (!request.hasParam(name)) {
            return null;
        }
        try {
            return Long.valueOf(request.param(name).trim());
        } catch (NumberFormatException e) {
            throw GraphError.invalidParameter("(#100) Param " + name + " must be an integer").raise();
        }
    }
}
