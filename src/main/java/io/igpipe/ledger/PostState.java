package io.igpipe.ledger;

/**
 * Where a post stands. The dispatcher re-enters the pipeline at the stage a state names, which is
 * what makes a restart resume rather than start over.
 */
public enum PostState {
    /** Recorded, original moved to the in-flight folder; next: validate and optimize. */
    RECEIVED,
    /** Optimized media is stored and served; next: create the container. */
    PREPARED,
    /** Container exists at Instagram; next: poll it until FINISHED. */
    CONTAINER_CREATED,
    /** media_publish may have been called: its outcome must be read from the container before any retry. */
    PUBLISHING,
    /** Terminal: live on Instagram. */
    PUBLISHED,
    /** Terminal: will not be published as submitted; the reason is recorded. */
    FAILED,
    /** Terminal: cancelled through the API before it was published; its files are set aside. */
    CANCELLED,
    /** Terminal: was published, then deleted from Instagram through the API. */
    DELETED
}
