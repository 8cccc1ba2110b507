package io.igpipe.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.Sha256;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostItem;
import io.igpipe.ledger.PostLifecycle;
import io.igpipe.ledger.PostType;
import io.igpipe.media.ImageOptimizer;
import io.igpipe.media.MediaRejectedException;
import org.springframework.stereotype.Component;

/**
 * What both entry points do with a draft's files: a quick look that refuses unreadable images before they enter
 * the ledger, the content hash that makes a second live post of the same content a duplicate, and the ledger
 * rows the draft becomes.
 */
@Component
public class DraftMedia {

    /** The post's content hash and each item's. */
    public record Hashed(String contentHash, List<String> itemHashes) {
    }

    private final ImageOptimizer images;
    private final PostLifecycle lifecycle;
    private final ObjectMapper json = new ObjectMapper();

    public DraftMedia(ImageOptimizer images, PostLifecycle lifecycle) {
        this.images = images;
        this.lifecycle = lifecycle;
    }

    /** Reads the headers of the draft's photos (cheap, no decoding); videos are probed when they are prepared. */
    public void check(PostDraft draft) throws PostRejectedException {
        for (DraftItem item : draft.items()) {
            if (!item.isVideo()) {
                inspect(item.file(), item.originalName());
            }
        }
        if (draft.cover() != null) {
            inspect(draft.cover(), "the cover image");
        }
    }

    private void inspect(Path file, String name) throws PostRejectedException {
        try {
            images.inspect(file);
        } catch (MediaRejectedException e) {
            throw new PostRejectedException("MEDIA_INVALID", name + ": " + e.getMessage());
        }
    }

    /**
     * A single feed photo keeps its file's SHA-256 (what earlier versions recorded); any other post hashes its
     * type with its items in order, so the same photo may be a feed post and a story, and a reordered carousel is
     * a different post.
     */
    public Hashed hash(PostDraft draft) throws IOException {
        List<String> itemHashes = new ArrayList<>();
        for (DraftItem item : draft.items()) {
            itemHashes.add(Sha256.hex(item.file()));
        }
        if (draft.type() == PostType.IMAGE && itemHashes.size() == 1) {
            return new Hashed(itemHashes.get(0), itemHashes);
        }
        return new Hashed(Sha256.hex(draft.type() + ":" + String.join(",", itemHashes)), itemHashes);
    }

    public Post newPost(PostDraft draft, String origin, Hashed hashed, String originalName) {
        Post post = lifecycle.newPost(draft.account(), origin, originalName, hashed.contentHash());
        post.setPostType(draft.type().name());
        post.setCaption(draft.caption());
        post.setLocationId(draft.locationId());
        post.setCollaborators(draft.collaborators().isEmpty() ? null : toJson(draft.collaborators()));
        post.setShareToFeed(draft.shareToFeed());
        post.setThumbOffsetMs(draft.thumbOffsetMs());
        post.setPublishAt(draft.publishAt());
        if (draft.items().size() == 1) {
            DraftItem only = draft.items().get(0);
            post.setMediaType(only.mediaType());
            post.setAltText(only.altText());
            post.setUserTags(only.userTagsJson());
        } else {
            post.setMediaType(PostType.CAROUSEL.name());
        }
        return post;
    }

    public static PostItem itemOf(int position, DraftItem draft, Path file, String contentHash) {
        PostItem item = new PostItem();
        item.setPosition(position);
        item.setMediaType(draft.mediaType());
        item.setOriginalName(draft.originalName());
        item.setOriginalPath(file.toString());
        item.setContentHash(contentHash);
        item.setAltText(draft.altText());
        item.setUserTags(draft.userTagsJson());
        return item;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
