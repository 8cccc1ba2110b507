package io.igpipe.graph.sandbox;

import java.util.List;

/** A container request that passed its synchronous checks (and, for an image, its fetch), waiting to be stored. */
record ContainerDraft(
        String ownerId,
        ContainerType type,
        String imageUrl,
        String caption,
        String altText,
        String locationId,
        List<UserTag> userTags,
        List<String> collaborators,
        List<String> childIds,
        ImageFacts image,
        VideoDetails video) {
}
