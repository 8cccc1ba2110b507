package io.igpipe.ledger;

/** What a post becomes on Instagram. Stored in {@code post.post_type}. */
public enum PostType {
    /** A single feed photo. */
    IMAGE,
    /** 2 to 10 photos and videos, published as one post. */
    CAROUSEL,
    /** A single video (every single feed video is a reel since July 2023). */
    REELS,
    /** A photo or video story: no caption, gone after 24 h, cannot be deleted through the API. */
    STORIES
}
