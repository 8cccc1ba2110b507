package io.igpipe.ledger;

import java.time.OffsetDateTime;

/**
 * The post's next step may not run before {@code until}: it is scheduled for later, or the video transcoder has no
 * free slot. The post waits in the ledger (no attempt is spent) and its worker moves on to other posts.
 */
public class PostNotDueException extends RuntimeException {

    private final WaitReason reason;
    private final OffsetDateTime until;

    public PostNotDueException(WaitReason reason, OffsetDateTime until, String message) {
        super(message);
        this.reason = reason;
        this.until = until;
    }

    public WaitReason getReason() { return reason; }
    public OffsetDateTime getUntil() { return until; }
}
