package io.igpipe.ledger;

/** Why a post that is not finished is not due yet; the dashboard and metrics count waiting posts by it. */
public enum WaitReason {
    /** Meta throttled the account (or usage passed the slow-down threshold). */
    RATE_LIMIT,
    /** The account's rolling 24 h publishing quota is spent. */
    PUBLISH_QUOTA,
    /** The account's token needs attention; nothing is called until a token check succeeds. */
    ACCOUNT_PAUSED,
    /** The Graph API circuit breaker is open. */
    BREAKER_OPEN,
    /** The account created 400 containers in the last 24 h. */
    CONTAINER_CAP,
    /** A failed call is retried later, with exponential backoff. */
    BACKOFF,
    /** Instagram is still processing the container. */
    CONTAINER_PROCESSING,
    /** The post has a publish_at that has not come yet. */
    SCHEDULED,
    /** Every video transcoding slot is taken; the post looks again shortly. */
    TRANSCODER_BUSY,
    /** ffmpeg/ffprobe cannot run here (see the videoTools health); video posts wait until they can. */
    VIDEO_TOOLS_UNAVAILABLE
}
