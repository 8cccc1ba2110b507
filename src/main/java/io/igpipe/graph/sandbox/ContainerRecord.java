package io.igpipe.graph.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A media container as stored. Its status is never stored: it follows from the clock, so time moved forward by a
 * test finishes or expires containers without any background thread.
 *
 * <p>A video container has two more things to wait for: its media ({@code readyAt} stays null until a resumable
 * upload has received every byte) and its verdict ({@code outcome} stays null until the video has been read in the
 * background). It is IN_PROGRESS until both are there and {@code readyAt} has passed.
 *
 * @param readyAt  when processing ends; null while the media has not arrived
 * @param outcome  where processing lands; null while the video is still being read
 * @param video    video parameters and facts; null for images and carousels
 */
record ContainerRecord(
        String id,
        String ownerId,
        ContainerType type,
        Instant createdAt,
        Instant readyAt,
        Instant expiresAt,
        ContainerOutcome outcome,
        String imageUrl,
        String caption,
        String altText,
        String locationId,
        List<UserTag> userTags,
        List<String> collaborators,
        List<String> childIds,
        ImageFacts image,
        String publishedMediaId,
        Instant publishedAt,
        VideoDetails video) {

    ContainerRecord {
        userTags = userTags == null ? List.of() : List.copyOf(userTags);
        collaborators = collaborators == null ? List.of() : List.copyOf(collaborators);
        childIds = childIds == null ? List.of() : List.copyOf(childIds);
    }

    ContainerStatus statusAt(Instant now) {
        if (publishedMediaId != null) {
            return ContainerStatus.PUBLISHED;
        }
        boolean expired = !now.isBefore(expiresAt);
        if (readyAt == null || now.isBefore(readyAt) || outcome == null) {
            return expired ? ContainerStatus.EXPIRED : ContainerStatus.IN_PROGRESS;
        }
        if (outcome.statusCode() == ContainerStatus.ERROR) {
            return ContainerStatus.ERROR;
        }
        return expired ? ContainerStatus.EXPIRED : outcome.statusCode();
    }

    String statusTextAt(Instant now) {
        ContainerStatus status = statusAt(now);
        return status == ContainerStatus.ERROR ? outcome.status() : status.defaultStatus();
    }

    /** A resumable container still waiting for (more of) its bytes. */
    boolean awaitingUpload() {
        return video != null && video.resumable() && readyAt == null;
    }

    /** Its video has arrived but has not been judged yet. */
    boolean awaitingVerdict() {
        return video != null && readyAt != null && outcome == null;
    }

    ContainerRecord published(String mediaId, Instant at) {
        return with(readyAt, outcome, video, mediaId, at);
    }

    ContainerRecord mediaArrived(Instant processedAt, VideoDetails details) {
        return with(processedAt, outcome, details, publishedMediaId, publishedAt);
    }

    ContainerRecord judged(ContainerOutcome verdict, VideoDetails details) {
        return with(readyAt, verdict, details, publishedMediaId, publishedAt);
    }

    private ContainerRecord with(Instant newReadyAt, ContainerOutcome newOutcome, VideoDetails newVideo,
                                 String newPublishedMediaId, Instant newPublishedAt) {
        return new ContainerRecord(id, ownerId, type, createdAt, newReadyAt, expiresAt, newOutcome, imageUrl, caption,
                altText, locationId, userTags, collaborators, childIds, image, newPublishedMediaId, newPublishedAt,
                newVideo);
    }
}
