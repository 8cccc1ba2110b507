package io.igpipe.ledger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.igpipe.IgpipeProperties;
import io.igpipe.graph.GraphApiException;
import io.igpipe.graph.PublishQuotaSpentException;
import io.igpipe.media.MediaRejectedException;
import io.igpipe.media.OptimizationProfile;
import org.springframework.stereotype.Component;

/**
 * What each recovery route does to its post: the routes in {@code routes/failure-recovery.camel.yaml} decide
 * which of these applies, this records it on the row (the error as Graph gave it, why and until when the post
 * waits) so the ledger alone explains every post.
 */
@Component("postFailures")
public class PostFailures {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PostFailures.class);

    private final PostLifecycle lifecycle;
    private final AccountStates accounts;
    private final IgpipeProperties properties;
    private final CarouselContainers carousels;

    public PostFailures(PostLifecycle lifecycle, AccountStates accounts, IgpipeProperties properties,
            CarouselContainers carousels) {
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.properties = properties;
        this.carousels = carousels;
    }

    /** Holds every call of the account as long as Meta said (estimated_time_to_regain_access), or the default wait. */
    public void rateLimited(Post post, GraphApiException error) {
        Duration wait = error.getRegainAccessIn() != null && !error.getRegainAccessIn().isZero()
                ? error.getRegainAccessIn() : properties.getGraph().getRateLimit().getDefaultWait();
        OffsetDateTime until = accounts.holdCalls(post.getAccount(), wait, error.getMessage());
        note(post, error);
        lifecycle.waitUntil(post, until, WaitReason.RATE_LIMIT);
    }

    public OffsetDateTime quotaWindowStart(Post post) {
        return lifecycle.now().minus(accounts.quotaWindowOf(post.getAccount()));
    }

    /**
     * Holds the account's publishing until the oldest publish in the window ages out (plus the configured clock
     * skew). With none known (the account also publishes from elsewhere), the live quota is read again after
     * the recheck delay: media_publish is never called while it says the quota is spent.
     */
    public void quotaSpent(Post post, Exception cause, List<Map<String, Object>> oldestRows) {
        Object oldest = oldestRows == null || oldestRows.isEmpty() ? null : oldestRows.get(0).get("oldest");
        OffsetDateTime oldestPublish = AccountStates.time(oldest);
        Duration window = cause instanceof PublishQuotaSpentException spent ? spent.getWindow()
                : accounts.quotaWindowOf(post.getAccount());
        OffsetDateTime until;
        if (oldestPublish != null) {
            until = oldestPublish.plus(window).plus(properties.getGraph().getQuotaClockSkew());
            accounts.holdPublishing(post.getAccount(), until);
        } else {
            until = lifecycle.now().plus(properties.getGraph().getQuotaRecheckDelay());
        }
        note(post, cause);
        post.setErrorCode("GRAPH_PUBLISH_QUOTA");
        post.setErrorMessage(cause.getMessage() + "; next slot at " + until);
        lifecycle.waitUntil(post, until, WaitReason.PUBLISH_QUOTA);
    }

    /** Pauses the account: nothing is called for it until a token check succeeds, and no post fails meanwhile. */
    public void accountNeedsToken(Post post, GraphApiException error) {
        accounts.pause(post.getAccount(), error.errorCode() + " " + codeOf(error), error.getMessage(), error.getCode(),
                error.getSubcode());
        note(post, error);
        lifecycle.waitUntil(post, lifecycle.now().plus(properties.getTokens().getCheckInterval()), WaitReason.ACCOUNT_PAUSED);
    }

    /** Keep polling while the container may still become ready; a container that is gone is rebuilt at once. */
    public boolean mayPollAgain(Post post, Exception cause) {
        if (cause instanceof ContainerNotReadyException || post.getContainerId() == null) {
            return false;
        }
        if (cause instanceof GraphApiException error && error.isContainerGone()) {
            return false;
        }
        return post.getContainerPolls() < properties.getGraph().getContainerPoll().getMaxPolls();
    }

    /**
     * Once media_publish was called (PUBLISHING), a new container is only built when Meta says the old one is gone:
     * otherwise a late publish of the old one and a publish of the new one would make two posts.
     */
    public boolean mayRebuild(Post post, Exception cause) {
        if (!PostState.PUBLISHING.name().equals(post.getState())) {
            return true;
        }
        return cause instanceof GraphApiException error && error.isContainerGone();
    }

    public void pollAgain(Post post, Exception cause) {
        note(post, cause);
        lifecycle.pollContainerLater(post);
    }

    public void rebuildContainer(Post post, Exception cause) {
        note(post, cause);
        if (PostType.CAROUSEL.name().equals(post.getPostType())) {
            // children age with their parent: a carousel is rebuilt from new child containers
            carousels.forgetChildren(post);
        }
        lifecycle.rebuildContainer(post, cause.getMessage());
    }

    public void retryLater(Post post, Exception cause) {
        note(post, cause);
        lifecycle.retryLater(post);
    }

    public void reoptimizeStrictly(Post post, Exception cause) {
        note(post, cause);
        lifecycle.reoptimize(post, OptimizationProfile.STRICT);
    }

    /**
     * Fails the post for good: it goes to .failed/ with everything recorded, and can be replayed from there.
     * For a post whose media_publish may have happened (state PUBLISHING), unless its container was read as ERROR or
     * EXPIRED, the content stays reserved, so the same photo dropped again is refused as a duplicate rather than
     * risking a second publish. A replay reads the container first.
     */
    public void deadLetter(Post post, Exception cause, String containerStatus) {
        // Even a FINISHED container may still be published by an earlier media_publish whose answer timed out
        // and which Meta completes late: only ERROR or EXPIRED prove it never will be.
        boolean mayBeLive = PostState.PUBLISHING.name().equals(post.getState())
                && !"ERROR".equals(containerStatus) && !"EXPIRED".equals(containerStatus);
        note(post, cause);
        lifecycle.failed(post, post.getErrorCode(), post.getErrorMessage(), post.getErrorDetail());
        if (mayBeLive) {
            post.setActiveContentHash(post.getContentHash());
            post.setErrorMessage(post.getErrorMessage() + " (media_publish was called and the container may still be"
                    + " published: the content stays reserved, and a retry reads the container first)");
        }
    }

    public void accountOnHold(Post post, AccountOnHoldException hold) {
        post.setErrorMessage(hold.getMessage());
        lifecycle.waitUntil(post, hold.getUntil(), hold.getReason());
    }

    /** Scheduled for later, or waiting for a transcoding slot: not an error, so no message is recorded. */
    public void notDue(Post post, PostNotDueException wait) {
        lifecycle.waitUntil(post, wait.getUntil(), wait.getReason());
    }

    public void breakerOpen(Post post) {
        post.setErrorMessage("Graph API circuit breaker open: waiting for it to close");
        lifecycle.waitUntil(post, lifecycle.now().plus(properties.getGraph().getBreakerOpenWait()), WaitReason.BREAKER_OPEN);
    }

    /** Records the failure as it happened: stable code, message, Graph code/subcode/fbtrace_id, stage. */
    void note(Post post, Throwable cause) {
        post.clearError();
        post.setFailedStage(stageOf(post, cause));
        if (cause instanceof GraphApiException error) {
            post.setErrorCode(error.errorCode());
            post.setErrorCategory(error.getCategory().name());
            post.setGraphCode(error.getCode());
            post.setGraphSubcode(error.getSubcode());
            post.setFbtraceId(error.getFbtraceId());
            post.setErrorDetail(error.getErrorBody());
        } else if (cause instanceof MediaRejectedException rejection) {
            post.setErrorCode(rejection.code().name());
            post.setErrorCategory("MEDIA");
        } else if (cause instanceof PublishQuotaSpentException) {
            post.setErrorCode("GRAPH_PUBLISH_QUOTA");
            post.setErrorCategory("PUBLISH_QUOTA");
        } else if (cause instanceof ContainerNotReadyException) {
            post.setErrorCode("GRAPH_CONTAINER_TIMEOUT");
            post.setErrorCategory("NOT_READY");
        } else if (cause instanceof CallNotPermittedException) {
            post.setErrorCode("GRAPH_BREAKER_OPEN");
            post.setErrorCategory("TRANSIENT");
        } else if (isUnreachable(cause)) {
            post.setErrorCode("GRAPH_UNREACHABLE");
            post.setErrorCategory("TRANSIENT");
        } else {
            post.setErrorCode("INTERNAL_ERROR");
            post.setErrorCategory("UNKNOWN");
        }
        post.setErrorMessage(describe(cause));
        LOG.warn("Post {} ({}, {}): {} [{}]", post.getId(), post.getAccount(), post.getFailedStage(),
                post.getErrorMessage(), post.getErrorCategory());
    }

    private static String stageOf(Post post, Throwable cause) {
        if (cause instanceof GraphApiException error) {
            return error.getOperation();
        }
        if (cause instanceof MediaRejectedException) {
            return "prepare";
        }
        return switch (PostState.valueOf(post.getState())) {
            case RECEIVED -> "prepare";
            case PREPARED -> "create-container";
            case CONTAINER_CREATED -> "container-status";
            case PUBLISHING -> "media-publish";
            default -> post.getState().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean isUnreachable(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static String codeOf(GraphApiException error) {
        return error.getCode() == null ? "" : "(" + error.getCode()
                + (error.getSubcode() == null ? "" : "/" + error.getSubcode()) + ")";
    }

    private static String describe(Throwable cause) {
        if (cause instanceof GraphApiException || cause instanceof MediaRejectedException) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
