package io.igpipe.ingest;

import java.nio.file.Path;

/** What a sidecar file next to a photo says about its post. {@code userTagsJson} is a Graph-ready JSON array. */
public record Sidecar(Path path, String caption, String altText, String locationId, String userTagsJson) {

    public static Sidecar none() {
        return new Sidecar(null, null, null, null, null);
    }
}
