package io.igpipe.graph.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A published media object. Carousel children are media too (with {@code parentId} set) so they can be read
 * by id, but they are neither listed on the account nor counted against the quota. A deleted media object is kept
 * (with {@code deletedAt}) because its publish still counts against the publishing quota; Graph no longer shows it.
 *
 * @param shareToFeed a reel's {@code share_to_feed} (true when it was not sent, as Instagram behaves); null for
 *                    anything but a reel
 */
record MediaRecord(
        String id,
        String ownerId,
        String containerId,
        String mediaType,
        String mediaProductType,
        String caption,
        String altText,
        Instant timestamp,
        String shortcode,
        String permalink,
        String mediaUrl,
        List<String> childIds,
        String parentId,
        Boolean shareToFeed,
        Instant deletedAt) {

    MediaRecord {
        childIds = childIds == null ? List.of() : List.copyOf(childIds);
    }

    boolean topLevel() {
        return parentId == null;
    }

    boolean deleted() {
        return deletedAt != null;
    }

    MediaRecord deletedAt(Instant at) {
        return new MediaRecord(id, ownerId, containerId, mediaType, mediaProductType, caption, altText, timestamp,
                shortcode, permalink, mediaUrl, childIds, parentId, shareToFeed, at);
    }
}
