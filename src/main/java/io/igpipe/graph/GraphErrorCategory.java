package io.igpipe.graph;

/**
 * What kind of answer a Graph error calls for. The recovery differs per category, never per message text.
 * Which codes fall in which category is {@link GraphErrorRule}.
 */
public enum GraphErrorCategory {
    /** Call-rate limits (4, 9 without a subcode, 17, 32, 613, 80001, 80002): wait for the budget, no attempt consumed. */
    RATE_LIMIT(true, "recover-rate-limit"),
    /** The account's 24 h publishing quota (9/2207042): hold until a slot frees. */
    PUBLISH_QUOTA(true, "recover-publish-quota"),
    /** Token or permission problems (190 family, 10, 102, 104, 200-299): the account needs attention. */
    AUTH(true, "recover-auth"),
    /**
     * Container not ready (9007/2207027) or gone (24/2207008, 24/2207006, -2/2207020): read the container
     * again, keep polling while it is in progress, rebuild it if it is gone.
     */
    NOT_READY(true, "recover-not-ready"),
    /**
     * Instagram-side hiccups (1, 2, -1 incl. 2207001 and 2207032, -2/2207003, 100/33, status 2207076, 2207082), and any error
     * Meta marks {@code is_transient} that no row claims: back off and retry.
     */
    TRANSIENT(true, "recover-transient"),
    /**
     * The media itself was refused (36000, 36001, 36003, 352, 9004, -1/2207053, status 2207077, 2207085, or a
     * container ERROR without a subcode): re-optimize at most once, then give up.
     */
    MEDIA(false, "recover-media"),
    /**
     * Carousel composition refused (2207024, 35001, 100/2207028): like refused media, rebuilt once from freshly
     * normalised children with the strict profile (graph-api.md: "recoverable by fixing the carousel and rebuilding
     * it once"), then given up.
     */
    CAROUSEL(false, "recover-media"),
    /** Spam / policy / restricted account (368, 4/2207051, 25): never hammer. */
    POLICY(false, "dead-letter"),
    /** Invalid request parameters (100 and its other subcodes, 1/2207057, 36004, 110/2207018, 12). */
    INVALID(false, "dead-letter"),
    /** Not recognised and not marked transient (e.g. 36002). */
    UNKNOWN(false, "recover-unknown");

    private final boolean worthWaiting;
    private final String recoveryRoute;

    GraphErrorCategory(boolean worthWaiting, String recoveryRoute) {
        this.worthWaiting = worthWaiting;
        this.recoveryRoute = recoveryRoute;
    }

    /** Whether waiting (and trying again later) can succeed without changing the post. */
    public boolean worthWaiting() {
        return worthWaiting;
    }

    /** The id of the route that handles an error of this category. */
    public String recoveryRoute() {
        return recoveryRoute;
    }
}
