package io.igpipe.ledger;

/**
 * This worker's lease on a post expired and the row moved on without it. Its result is discarded:
 * whoever holds the post now is responsible for it.
 */
public class LeaseLostException extends RuntimeException {
    public LeaseLostException(String postId) {
        super("Lease on post " + postId + " was lost; result discarded");
    }
}
