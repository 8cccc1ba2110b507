package io.igpipe.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.igpipe.graph.GraphApiException;
import io.igpipe.graph.GraphErrorCategory;
import io.igpipe.ledger.AccountOnHoldException;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostLifecycle;
import io.igpipe.ledger.PostState;
import io.igpipe.ledger.PostType;
import io.igpipe.ledger.SqlFiles;
import io.igpipe.ledger.WaitReason;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * DELETE /api/v1/posts/{id}. A post not yet published is cancelled in the ledger, by one guarded write that only
 * succeeds while no worker holds it; the pipeline sets its files aside when it next sees it. A published post is
 * deleted on Instagram first (the route calls Graph {@code DELETE /{media-id}}) and only then marked DELETED. A
 * post in PUBLISHING may already be live, so it is neither cancelled nor deleted until its outcome is known.
 */
@Component("apiPostDeletion")
public class ApiPostDeletion {

    /** The variable naming a published post the route must delete on Instagram (GraphRequests reads "post"). */
    public static final String POST_TO_DELETE = "post";
    /** A worker's stage takes seconds; a client asked to come back waits about this long. */
    private static final long BUSY_RETRY_SECONDS = 2;
    private static final long PUBLISHING_RETRY_SECONDS = 10;
    private static final long GRAPH_RETRY_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(ApiPostDeletion.class);

    private final ApiPostViews views;
    private final NamedParameterJdbcTemplate jdbc;
    private final PostLifecycle lifecycle;

    public ApiPostDeletion(ApiPostViews views, NamedParameterJdbcTemplate jdbc, PostLifecycle lifecycle) {
        this.views = views;
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
    }

    /**
     * Cancels a waiting post and answers with it, or (published) leaves the post in {@link #POST_TO_DELETE} for the
     * route's Graph call and answers nothing yet.
     */
    public Map<String, Object> cancelOrStageDeletion(Exchange exchange, String id) {
        Post post = views.require(id);
        if (PostState.PUBLISHED.name().equals(post.getState())) {
            if (PostType.STORIES.name().equals(post.getPostType())) {
                throw invalidStatus(post, "Stories cannot be deleted through the API; they disappear after 24 h.",
                        null);
            }
            exchange.setVariable(POST_TO_DELETE, post);
            return null;
        }
        int cancelled = jdbc.update(SqlFiles.load("api/cancel-post.sql"),
                new MapSqlParameterSource("id", id).addValue("now", lifecycle.now()));
        if (cancelled != 1) {
            throw refusalAfterRace(views.require(id));
        }
        LOG.info("Post {} cancelled through the API (was {})", id, post.getState());
        return views.describe(id);
    }

    /** Instagram deleted the media: the post is DELETED and its content free again. */
    public Map<String, Object> recordDeleted(Post post) {
        jdbc.update(SqlFiles.load("api/record-post-deleted.sql"),
                new MapSqlParameterSource("id", post.getId()).addValue("now", lifecycle.now()));
        LOG.info("Post {} deleted from Instagram through the API (media {})", post.getId(), post.getMediaId());
        return views.describe(post.getId());
    }

    /** Why Instagram did not delete the media, as an API refusal; never the token or the raw answer. */
    public void refusedByInstagram(Post post, Exception failure) throws Exception {
        if (failure instanceof AccountOnHoldException hold) {
            long wait = Math.max(1, Duration.between(lifecycle.now(), hold.getUntil()).toSeconds());
            throw hold.getReason() == WaitReason.ACCOUNT_PAUSED
                    ? new ApiException(ApiErrorCode.ACCOUNT_PAUSED, "Account " + post.getAccount() + " is paused "
                            + "until its token is re-authorised; the post stays published.", null, null)
                    : new ApiException(ApiErrorCode.GRAPH_UNAVAILABLE, "Account " + post.getAccount() + " makes no "
                            + "Graph calls right now (" + hold.getReason() + "); the post stays published.", null, wait);
        }
        if (failure instanceof CallNotPermittedException) {
            throw new ApiException(ApiErrorCode.GRAPH_UNAVAILABLE, "The Graph API is failing (circuit breaker open); "
                    + "the post stays published.", null, GRAPH_RETRY_SECONDS);
        }
        if (failure instanceof GraphApiException graph) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("graphCode", graph.getCode());
            details.put("graphSubcode", graph.getSubcode());
            details.put("fbtraceId", graph.getFbtraceId());
            details.put("mediaId", post.getMediaId());
            boolean worthRetrying = graph.getCategory() == GraphErrorCategory.TRANSIENT
                    || graph.getCategory() == GraphErrorCategory.RATE_LIMIT;
            throw new ApiException(worthRetrying ? ApiErrorCode.GRAPH_UNAVAILABLE : ApiErrorCode.GRAPH_REFUSED,
                    "Instagram did not delete media " + post.getMediaId() + ": " + graph.getMessage()
                            + "; the post stays published.", details, worthRetrying ? GRAPH_RETRY_SECONDS : null);
        }
        throw failure;
    }

    /** The cancel was refused: say why, from the post as it is now. */
    private static ApiException refusalAfterRace(Post post) {
        String state = post.getState();
        if (PostState.PUBLISHING.name().equals(state)) {
            return invalidStatus(post, "Post " + post.getId() + " is being published right now and may already be "
                    + "live; retry the DELETE later (it then deletes it from Instagram).", PUBLISHING_RETRY_SECONDS);
        }
        if (PostState.PUBLISHED.name().equals(state)) {
            return invalidStatus(post, "Post " + post.getId() + " was published a moment ago; retry the DELETE "
                    + "to delete it from Instagram.", BUSY_RETRY_SECONDS);
        }
        if (PostState.CANCELLED.name().equals(state) || PostState.DELETED.name().equals(state)) {
            return invalidStatus(post, "Post " + post.getId() + " is already " + state + ".", null);
        }
        return invalidStatus(post, "Post " + post.getId() + " is being worked on right now (" + state
                + "); retry the DELETE in a moment.", BUSY_RETRY_SECONDS);
    }

    private static ApiException invalidStatus(Post post, String message, Long retryAfter) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", post.getState());
        details.put("type", post.getPostType());
        return new ApiException(ApiErrorCode.INVALID_STATUS, message, details, retryAfter);
    }
}
