package io.igpipe.graph.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A media container as stored. Its status is never stored: it follows from the clock, so time moved forward
 * by a test finishes or expires containers without any background thread.
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
        Instant publishedAt) {

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
        if (now.isBefore(readyAt)) {
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

    ContainerRecord published(String mediaId, Instant at) {
        return new ContainerRecord(id, ownerId, type, createdAt, readyAt, expiresAt, outcome, imageUrl, caption,
                altText, locationId, userTags, collaborators, childIds, image, mediaId, at);
    }
}
