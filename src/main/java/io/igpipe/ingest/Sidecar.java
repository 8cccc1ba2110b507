package io.igpipe.ingest;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.igpipe.ledger.PostType;

/**
 * What a sidecar next to a media file (or a carousel folder's {@code post.yaml}) says about its post.
 * {@code userTagsJson} is a Graph-ready JSON array; {@code type} null means "decide from the media";
 * {@code items} holds a carousel's per-file alt text and tags, keyed by file name.
 */
public record Sidecar(Path path, String caption, String altText, String locationId, String userTagsJson,
        PostType type, OffsetDateTime publishAt, List<String> collaborators, Boolean shareToFeed, Long thumbOffsetMs,
        Map<String, ItemFields> items) {

    /** Alt text and user tags of one carousel item. */
    public record ItemFields(String altText, String userTagsJson) {
    }

    public Sidecar {
        collaborators = collaborators == null ? List.of() : List.copyOf(collaborators);
        items = items == null ? Map.of() : Map.copyOf(items);
    }

    public static Sidecar none() {
        return captionOnly(null, null);
    }

    public static Sidecar captionOnly(Path path, String caption) {
        return new Sidecar(path, caption, null, null, null, null, null, List.of(), null, null, Map.of());
    }
}
