package io.igpipe.ingest;

import java.nio.file.Path;

/**
 * One media file of a post on its way into the ledger, in carousel order.
 *
 * @param file         where the file is now
 * @param originalName the name it was submitted under (file name, upload name, or the URL's last segment)
 * @param mediaType    IMAGE or VIDEO, judged from the content
 * @param altText      alt text of this item (feed photo, carousel image child)
 * @param userTagsJson Graph-ready JSON array of {username, x, y}, or null
 */
public record DraftItem(Path file, String originalName, String mediaType, String altText, String userTagsJson) {

    public boolean isVideo() {
        return "VIDEO".equals(mediaType);
    }
}
