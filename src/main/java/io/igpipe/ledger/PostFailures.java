package io.igpipe.ledger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.igpipe.IgpipeProperties;
import io.igpipe.graph.GraphApiException;
import io.igpipe.graph.GraphErrorClassifier;
import io.igpipe.graph.PublishQuotaSpentException;
import io.igpipe.media.MediaRejectedException;
import org.springframework.stereotype.Component;

/**
 * Records what a failed stage means for its post: fail it with a stable code, wait without spending an
 * attempt, or retry with backoff. The routes' error configuration decides which of these applies.
 */
@Component("postFailures")
public class PostFailures {

    private final PostLifecycle lifecycle;
    private final IgpipeProperties.Pipeline pipeline;

    public PostFailures(PostLifecycle lifecycle, IgpipeProperties properties) {
        this.lifecycle = lifecycle;
        this.pipeline = properties.getPipeline();
    }

    public void mediaRejected(Post post, MediaRejectedException rejection) {
        lifecycle.failed(post, rejection.code().name(), rejection.getMessage(), null);
    }

    public void graphError(Post post, GraphApiException error) {
        String code = error.errorCode();
        String message = error.getMessage();
        String detail = error.getErrorBody();
        switch (error.getCategory()) {
            case RATE_LIMIT -> {
                if (error.getRegainAccessIn() != null && !error.getRegainAccessIn().isZero()) {
                    lifecycle.waitFor(post, error.getRegainAccessIn(), code, message, detail);
                } else {
                    lifecycle.retryLater(post, code, message, detail);
                }
            }
            case PUBLISH_QUOTA, AUTH -> lifecycle.waitFor(post, pipeline.getRetryMaxDelay(), code, message, detail);
            case NOT_READY, TRANSIENT -> lifecycle.retryLater(post, code, message, detail);
            default -> lifecycle.failed(post, code, message, detail);
        }
    }

    /**
     * Holds the post until the oldest publish we know of leaves the window (plus a minute for clock skew);
     * without one (the account also publishes from elsewhere) it looks again after the longest backoff.
     */
    public void quotaSpent(Post post, PublishQuotaSpentException spent, List<Map<String, Object>> oldestRows) {
        Object oldest = oldestRows == null || oldestRows.isEmpty() ? null : oldestRows.get(0).get("oldest");
        Duration wait = pipeline.getRetryMaxDelay();
        String message = spent.getMessage();
        if (oldest instanceof OffsetDateTime oldestPublish) {
            OffsetDateTime slotFrees = oldestPublish.plus(spent.getWindow()).plusMinutes(1);
            wait = Duration.between(lifecycle.now(), slotFrees);
            message += "; next slot at " + slotFrees;
        }
        lifecycle.waitFor(post, wait.isNegative() ? Duration.ZERO : wait, "GRAPH_PUBLISH_QUOTA", message, null);
    }

    /** The container ended in ERROR or EXPIRED: rebuild it once from the prepared media, then give up. */
    public void containerFailed(Post post, String statusCode, String statusText) {
        String reason = "Container " + post.getContainerId() + " ended " + statusCode
                + (statusText == null || statusText.isBlank() ? "" : ": " + statusText);
        if (post.getContainerBuilds() < 2) {
            lifecycle.rebuildContainer(post, reason);
            return;
        }
        String code = "EXPIRED".equals(statusCode) ? "GRAPH_CONTAINER_EXPIRED"
                : "GRAPH_" + GraphErrorClassifier.classifyContainerError(statusText).name();
        lifecycle.failed(post, code, reason, null);
    }

    public void containerNeverReady(Post post, Exception timeout) {
        if (post.getContainerBuilds() < 2) {
            lifecycle.rebuildContainer(post, timeout.getMessage());
            return;
        }
        lifecycle.failed(post, "GRAPH_CONTAINER_TIMEOUT", timeout.getMessage(), null);
    }

    /** The Graph API could not be reached, or did not answer in time. */
    public void unreachable(Post post, Exception cause) {
        lifecycle.retryLater(post, "GRAPH_UNREACHABLE", describe(cause), null);
    }

    public void unexpected(Post post, Exception cause) {
        lifecycle.retryLater(post, "INTERNAL_ERROR", describe(cause), null);
    }

    private static String describe(Exception cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
