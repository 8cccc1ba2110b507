package io.igpipe.graph;

/** What kind of answer a Graph error calls for. The recovery differs per category, never per message text. */
public enum GraphErrorCategory {
    /** Call-rate limits (4, 17, 32, 613, 80002): wait for the budget, no attempt consumed. */
    RATE_LIMIT(true),
    /** The account's 24 h publishing quota (9/2207042): hold until a slot frees. */
    PUBLISH_QUOTA(true),
    /** Token or permission problems (190 family, 10, 200-299): the account needs attention. */
    AUTH(true),
    /** Container not ready to publish (9007/2207027): keep polling. */
    NOT_READY(true),
    /** Instagram-side hiccups: back off and retry. */
    TRANSIENT(true),
    /** The media itself was refused: re-optimize at most once, then give up. */
    MEDIA(false),
    /** Carousel composition refused. */
    CAROUSEL(false),
    /** Spam / policy / restricted account: never hammer. */
    POLICY(false),
    /** Invalid request parameters. */
    INVALID(false),
    /** Not recognised and not marked transient. */
    UNKNOWN(false);

    private final boolean worthWaiting;

    GraphErrorCategory(boolean worthWaiting) {
        this.worthWaiting = worthWaiting;
    }

    /** Whether waiting (and trying again later) can succeed without changing the post. */
    public boolean worthWaiting() {
        return worthWaiting;
    }
}
