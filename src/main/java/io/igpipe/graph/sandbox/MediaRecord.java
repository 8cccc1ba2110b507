package io.igpipe.graph.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A published media object. Carousel children are media too (with {@code parentId} set) so they can be read
 * by id, but they are neither listed on the account nor counted against the quota.
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
        String parentId) {

    MediaRecord {
        childIds = childIds == null ? List.of() : List.copyOf(childIds);
    }

    boolean topLevel() {
        return parentId == null;
    }
}
