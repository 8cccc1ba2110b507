package io.igpipe.ledger;

import io.igpipe.media.MediaStore;
import org.springframework.stereotype.Component;

/** The served copies of a post (its media, a reel's cover, a carousel's children), removed together. */
@Component
public class PreparedMedia {

    private final MediaStore store;
    private final PostRecords records;

    public PreparedMedia(MediaStore store, PostRecords records) {
        this.store = store;
        this.records = records;
    }

    /** Instagram has fetched everything it needs, or never will. */
    public void discard(Post post) {
        store.discard(post.getPreparedPath());
        store.discard(post.getCoverPreparedPath());
        if (PostType.CAROUSEL.name().equals(post.getPostType())) {
            records.itemsOf(post).forEach(item -> store.discard(item.getPreparedPath()));
        }
    }
}
